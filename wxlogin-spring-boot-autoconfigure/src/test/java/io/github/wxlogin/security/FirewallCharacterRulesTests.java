package io.github.wxlogin.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link FirewallCharacterRules} accept exactly what the default {@link StrictHttpFirewall} of the Spring
 * Security on the class path accepts: its own predicates are the reference, compared on every code point
 * and on random and adversarial strings.
 */
class FirewallCharacterRulesTests {

	private static final StrictHttpFirewall SPRING_DEFAULT = new StrictHttpFirewall();

	private static final Predicate<String> SPRING_HEADER_NAMES = springPredicate("allowedHeaderNames");

	private static final Predicate<String> SPRING_HEADER_VALUES = springPredicate("allowedHeaderValues");

	private static final Predicate<String> SPRING_PARAMETER_NAMES = springPredicate("allowedParameterNames");

	@SuppressWarnings("unchecked")
	private static Predicate<String> springPredicate(String field) {
		Object predicate = ReflectionTestUtils.getField(SPRING_DEFAULT, field);
		assertThat(predicate).as("StrictHttpFirewall.%s", field).isInstanceOf(Predicate.class);
		return (Predicate<String>) predicate;
	}

	@Test
	void everyCodePointAloneAndInsidePrintableTextIsJudgedAsSpringJudgesIt() {
		int accepted = 0;
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String alone = new String(Character.toChars(codePoint));
			assertSameVerdicts(alone);
			assertSameVerdicts("ab" + alone + "cd");
			if (SPRING_HEADER_VALUES.test(alone)) {
				accepted++;
			}
		}
		// Both verdicts occur: the comparison is not between two predicates that always agree trivially
		assertThat(accepted).isBetween(100_000, Character.MAX_CODE_POINT);
	}

	@Test
	void adversarialStringsAreJudgedAsSpringJudgesThem() {
		List<String> values = new ArrayList<>(List.of("", " ", "\t", "\t\t", "a\tb", "\u0000", "a\u0000", "\u001f",
				"\u007f", "\u0080", "\u0085", "\u009f", "\u00a0", "\u00ad", "\r", "\n", "a\r\nb", "\u2028", "\u2029",
				"\ufeff", "\ufffe", "\uffff", "\ufffd", "\u0378", "\ue000", "\uf8ff", "\ud800", "\udbff", "\udc00",
				"\udfff", "\udc00\ud800", "\ud800\ud800\udc00", "\ud800\udc00\udc00", "\ud83d\ude00",
				"\ud83d\ude00\ud83d", "x\ud83d", "\udbff\udfff", "\udb7f\udfff", "\udb80\udc00", "\ud834\udd1e",
				"\udb40\udc01", "\udb40\udc80", "界界界", "\u00e7\u0095\u008c", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"));
		values.add("Bearer " + "a".repeat(100_000));
		values.add("Bearer " + "a".repeat(100_000) + "\u0000");
		values.add("Bearer " + "a".repeat(100_000) + "\ud800");
		values.add("\t".repeat(10_000) + "\u0378");
		values.add("\ud83d\ude00".repeat(10_000));
		for (String value : values) {
			assertSameVerdicts(value);
		}
	}

	@Test
	void randomStringsAreJudgedAsSpringJudgesThem() {
		long seed = new Random().nextLong();
		Random random = new Random(seed);
		String context = " (seed " + seed + ")";
		for (int i = 0; i < 200_000; i++) {
			String value = randomString(random, random.nextInt((i % 100 == 0) ? 2000 : 40));
			assertSameVerdicts(value, context);
		}
	}

	@Test
	void aFirewallWithTheRulesRefusesAndPassesTheHeadersTheDefaultFirewallDoes() {
		StrictHttpFirewall rules = FirewallCharacterRules.strictHttpFirewall();
		for (String value : List.of("Bearer abc", "a\tb", "\u00e7\u0095\u008c", "\u0378", "\ud800", "\ud83d\ude00")) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/hello");
			request.addHeader("X-Value", value);
			assertThat(refuses(rules, request)).as(escaped(value)).isEqualTo(refuses(SPRING_DEFAULT, request));
		}
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/hello");
		request.addHeader("X-Value", "\u0000");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> rules.getFirewalledRequest(request).getHeader("X-Value"));
	}

	private static boolean refuses(StrictHttpFirewall firewall, MockHttpServletRequest request) {
		FirewalledRequest firewalled = firewall.getFirewalledRequest(request);
		try {
			firewalled.getHeader("X-Value");
			return false;
		}
		catch (RequestRejectedException ex) {
			return true;
		}
	}

	private static void assertSameVerdicts(String value) {
		assertSameVerdicts(value, "");
	}

	private static void assertSameVerdicts(String value, String context) {
		assertSameVerdict("header value", FirewallCharacterRules.HEADER_VALUES, SPRING_HEADER_VALUES, value, context);
		assertSameVerdict("header name", FirewallCharacterRules.HEADER_NAMES, SPRING_HEADER_NAMES, value, context);
		assertSameVerdict("parameter name", FirewallCharacterRules.PARAMETER_NAMES, SPRING_PARAMETER_NAMES, value,
				context);
	}

	// The description is built only on a difference: the loops above make millions of comparisons
	private static void assertSameVerdict(String what, Predicate<String> rule, Predicate<String> spring, String value,
			String context) {
		boolean expected = spring.test(value);
		if (rule.test(value) != expected) {
			assertThat(!expected).as("%s %s%s", what, escaped(value), context).isEqualTo(expected);
		}
	}

	/** Mostly the characters a header is made of, with every kind of trouble mixed in. */
	private static String randomString(Random random, int length) {
		StringBuilder text = new StringBuilder(length * 2);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(10)) {
				case 0, 1, 2 -> text.append((char) (0x20 + random.nextInt(0x5f)));
				case 3 -> text.append((char) random.nextInt(0x20));
				case 4 -> text.append((char) (0x7f + random.nextInt(0x22)));
				case 5 -> text.append('\t');
				case 6 -> text.append((char) (Character.MIN_SURROGATE + random.nextInt(0x800)));
				case 7 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
				case 8 -> text.appendCodePoint(Character.MIN_SUPPLEMENTARY_CODE_POINT
						+ random.nextInt(Character.MAX_CODE_POINT + 1 - Character.MIN_SUPPLEMENTARY_CODE_POINT));
				default -> text.append((char) random.nextInt(0x10000));
			}
		}
		return text.toString();
	}

	private static String escaped(String value) {
		StringBuilder text = new StringBuilder();
		int shown = Math.min(value.length(), 80);
		for (int i = 0; i < shown; i++) {
			char c = value.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				text.append(c);
			}
			else {
				text.append(String.format("\\u%04x", (int) c));
			}
		}
		if (value.length() > shown) {
			text.append("... (").append(value.length()).append(" chars)");
		}
		return "\"" + text + "\"";
	}

}
