package io.github.wxlogin;

import java.time.Instant;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The terms of an account's ban: until when it lasts and the host's reason code, both optional. A ban
 * with an end lifts itself at that instant, with nothing to run: the stores read it against their clock.
 * The 403 {@code account_disabled} problem shows both to the client, as {@code until} and
 * {@code banReason}.
 *
 * @param until when the ban ends by itself, or {@code null} for a ban that lasts until the account is
 * enabled again
 * @param reason the host's short reason code, such as {@code spam} or {@code chargeback}, for the client to
 * show its own text for; at most {@value #MAX_REASON_LENGTH} letters, digits, {@code _}, {@code -},
 * {@code .} or {@code :}; {@code null} for none
 */
public record WxBan(@Nullable Instant until, @Nullable String reason) {

	/** The longest reason code. */
	public static final int MAX_REASON_LENGTH = 64;

	private static final Pattern REASON = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_REASON_LENGTH + "}");

	private static final WxBan INDEFINITE = new WxBan(null, null);

	public WxBan {
		if (reason != null && !REASON.matcher(reason).matches()) {
			throw new IllegalArgumentException("A ban's reason is a code of at most " + MAX_REASON_LENGTH
					+ " letters, digits, '_', '-', '.' or ':'");
		}
	}

	/**
	 * A ban without end or reason, what disabling an account always was.
	 * @return the ban
	 */
	public static WxBan indefinite() {
		return INDEFINITE;
	}

	/**
	 * Return whether the ban holds at an instant: it has no end, or ends after it.
	 * @param now the instant
	 * @return whether the account is disabled then
	 */
	public boolean isActiveAt(Instant now) {
		return this.until == null || this.until.isAfter(now);
	}

}
