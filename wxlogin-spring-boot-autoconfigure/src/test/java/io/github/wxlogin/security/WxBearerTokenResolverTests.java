package io.github.wxlogin.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link WxBearerTokenResolver} gives the token, no token, or the same error as Spring Security's
 * {@link DefaultBearerTokenResolver} (as resource servers use it by default) for every
 * {@code Authorization} header: every character in every place of the scheme and around the token, and
 * random and adversarial values.
 */
class WxBearerTokenResolverTests {

	// One for all requests: a request of its own would make a servlet context per comparison
	private static final MockServletContext SERVLET_CONTEXT = new MockServletContext();

	private static final String TOKEN_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/";

	private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

	private final BearerTokenResolver resolver = new WxBearerTokenResolver();

	@Test
	void aWellFormedHeaderGivesItsToken() {
		assertThat(this.resolver.resolve(request("Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln=="))).isEqualTo(
				"eyJhbGciOiJIUzI1NiJ9.e30.c2ln==");
		assertThat(this.resolver.resolve(request("bEaReR a"))).isEqualTo("a");
	}

	@Test
	void noHeaderOrAnotherSchemeGivesNoToken() {
		assertThat(this.resolver.resolve(new MockHttpServletRequest("GET", "/api/hello"))).isNull();
		assertThat(this.resolver.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
		assertThat(this.resolver.resolve(request("bearxr a"))).isNull();
	}

	@Test
	void aMalformedHeaderIsRefusedWithSpringsError() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.resolver.resolve(request("Bearer a b")))
			.satisfies((ex) -> {
				BearerTokenError error = (BearerTokenError) ex.getError();
				assertThat(error.getErrorCode()).isEqualTo("invalid_token");
				assertThat(error.getDescription()).isEqualTo("Bearer token is malformed");
			});
	}

	@Test
	void everyCharacterInEveryPlaceOfTheSchemeAndAroundTheTokenIsJudgedAsSpringJudgesIt() {
		String[] templates = { "Bearer ", "Bearer a", "Bearer a=", "Bearer a==" };
		int tokens = 0;
		for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
			String character = String.valueOf((char) c);
			for (int place = 0; place < "Bearer ".length(); place++) {
				assertSameOutcome("Bearer ".substring(0, place) + character + "Bearer a".substring(place + 1));
				assertSameOutcome("bearer ".substring(0, place) + character + "bearer =".substring(place + 1));
			}
			for (String template : templates) {
				if (assertSameOutcome(template + character).equals("token " + template.substring(7) + character)) {
					tokens++;
				}
				assertSameOutcome(template + character + "a");
			}
		}
		// The characters of a b64token and the padding after it: both outcomes were seen
		assertThat(tokens).isGreaterThan(TOKEN_CHARACTERS.length());
	}

	@Test
	void adversarialHeadersAreJudgedAsSpringJudgesThem() {
		List<String> values = new ArrayList<>(List.of("", " ", "Bearer", "bearer", "BEARER", "Bearer ", "Bearer  a",
				"Bearer a ", " Bearer a", "Bearer\ta", "Bearer a\n", "Bearer a\r\n", "Bearer \na", "Bearer =",
				"Bearer a=b", "Bearer a==b=", "Bearer ==", "Bearer a.b.c", "Bearer a,b", "Bearer a%2Fb",
				"Bearer\u00a0a", "Bearer\u2028a", "Bearer \ud83d\ude00", "Bearer a\ud800", "Bearer a\udc00",
				"bearer\u0130a", "\u0130earer a", "BEARER\u212a", "Bearerx", "bearerBearer a", "Bearer Bearer a",
				"Bearer a Bearer b", "Bearer a;", "BeAr\u0435r a", "DPoP a", "bearer_a", "Bearer:a", "Bear"));
		values.add("Bearer " + "a".repeat(100_000));
		values.add("Bearer " + "a".repeat(100_000) + "=".repeat(100_000));
		values.add("Bearer " + "a".repeat(100_000) + "=".repeat(100_000) + "a");
		values.add("Bearer " + "=".repeat(100_000));
		values.add("Bearer " + "a ".repeat(50_000));
		for (String value : values) {
			assertSameOutcome(value);
		}
	}

	@Test
	void randomHeadersAreJudgedAsSpringJudgesThem() {
		long seed = new Random().nextLong();
		Random random = new Random(seed);
		String context = " (seed " + seed + ")";
		String[] schemes = { "Bearer ", "bearer ", "BEARER ", "bEaReR ", "Bearer", "Bearer  ", "Bearer\t", "Basic ",
				"", "bearer", "Bear ", "Bearer\u00a0", "\u0412earer " };
		for (int i = 0; i < 300_000; i++) {
			StringBuilder value = new StringBuilder(schemes[random.nextInt(schemes.length)]);
			int length = random.nextInt((i % 100 == 0) ? 3000 : 24);
			for (int j = 0; j < length; j++) {
				switch (random.nextInt(12)) {
					case 0, 1, 2, 3, 4, 5 -> value.append(TOKEN_CHARACTERS.charAt(random.nextInt(TOKEN_CHARACTERS.length())));
					case 6, 7 -> value.append('=');
					case 8 -> value.append(" \t\r\n,;:\"'\\".charAt(random.nextInt(10)));
					case 9 -> value.append((char) random.nextInt(0x80));
					case 10 -> value.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
					default -> value.append((char) random.nextInt(0x10000));
				}
			}
			assertSameOutcome(value.toString(), context);
		}
	}

	private String assertSameOutcome(String authorization) {
		return assertSameOutcome(authorization, "");
	}

	// The description is built only on a difference: the loops above make over a million comparisons
	private String assertSameOutcome(String authorization, String context) {
		MockHttpServletRequest request = request(authorization);
		String expected = outcome(this.spring, request);
		String actual = outcome(this.resolver, request);
		if (!expected.equals(actual)) {
			assertThat(actual).as("Authorization: %s%s", escaped(authorization), context).isEqualTo(expected);
		}
		return expected;
	}

	/** The token, "no token", or everything the 401 reply is made of. */
	private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
		try {
			@Nullable String token = resolver.resolve(request);
			return (token != null) ? "token " + token : "no token";
		}
		catch (OAuth2AuthenticationException ex) {
			BearerTokenError error = (BearerTokenError) ex.getError();
			return "refused: " + ex.getMessage() + " | " + error.getErrorCode() + " | " + error.getDescription() + " | "
					+ error.getUri() + " | " + error.getHttpStatus() + " | " + error.getScope();
		}
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest(SERVLET_CONTEXT, "GET", "/api/hello");
		request.addHeader("Authorization", authorization);
		return request;
	}

	private static String escaped(String value) {
		StringBuilder text = new StringBuilder();
		int shown = Math.min(value.length(), 80);
		for (int i = 0; i < shown; i++) {
			char c = value.charAt(i);
			text.append((c >= 0x20 && c < 0x7f) ? String.valueOf(c) : String.format("\\u%04x", (int) c));
		}
		if (value.length() > shown) {
			text.append("... (").append(value.length()).append(" chars)");
		}
		return "\"" + text + "\"";
	}

}
