package io.github.wxlogin.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Codes that work once and expire, like WeChat's login and phone codes.
 *
 * @param <T> what a code grants
 */
final class OneTimeCodes<T> {

	/**
	 * Default lifetime of a code, as on WeChat.
	 */
	static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

	private final Map<String, IssuedCode<T>> codes = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Supplier<String> codeGenerator;

	private volatile Duration lifetime = DEFAULT_LIFETIME;

	OneTimeCodes(Clock clock, Supplier<String> codeGenerator) {
		this.clock = clock;
		this.codeGenerator = codeGenerator;
	}

	void lifetime(Duration lifetime) {
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("Code lifetime must be positive: " + lifetime);
		}
		this.lifetime = lifetime;
	}

	String issue(T grant) {
		String code = this.codeGenerator.get();
		this.codes.put(code, new IssuedCode<>(grant, this.clock.instant().plus(this.lifetime), new AtomicBoolean()));
		return code;
	}

	/**
	 * Spend a code.
	 * @param code the code, or {@code null} when the request had none
	 * @param acceptable whether this caller may spend it; a refused code stays unspent,
	 * also when the check throws
	 * @return the outcome, with the grant when the code was spent now
	 */
	Redemption<T> redeem(@Nullable String code, Predicate<T> acceptable) {
		IssuedCode<T> issued = (code != null) ? this.codes.get(code) : null;
		if (issued == null) {
			return new Redemption<>(Outcome.UNKNOWN, null);
		}
		if (!this.clock.instant().isBefore(issued.expiresAt())) {
			return new Redemption<>(Outcome.EXPIRED, null);
		}
		if (!acceptable.test(issued.grant())) {
			return new Redemption<>(Outcome.REFUSED, null);
		}
		if (!issued.spent().compareAndSet(false, true)) {
			return new Redemption<>(Outcome.ALREADY_USED, null);
		}
		return new Redemption<>(Outcome.SPENT, issued.grant());
	}

	/**
	 * Forget the codes whose grant matches, spent or not: they are unknown from now on.
	 * @param discarded which grants to forget
	 */
	void discard(Predicate<T> discarded) {
		this.codes.values().removeIf((issued) -> discarded.test(issued.grant()));
	}

	private record IssuedCode<T>(T grant, Instant expiresAt, AtomicBoolean spent) {
	}

	/**
	 * What became of a code.
	 */
	enum Outcome {

		SPENT, UNKNOWN, EXPIRED, ALREADY_USED, REFUSED

	}

	/**
	 * The outcome of spending a code.
	 *
	 * @param <T> what a code grants
	 * @param outcome what became of the code
	 * @param grant what the code granted, when it was spent now
	 */
	record Redemption<T>(Outcome outcome, @Nullable T grant) {
	}

}
