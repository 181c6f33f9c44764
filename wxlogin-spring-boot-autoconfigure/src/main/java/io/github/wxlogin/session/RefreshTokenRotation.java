package io.github.wxlogin.session;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link RefreshTokenStore#rotate(RefreshTokenId, RefreshTokenSuccessor, java.time.Duration)
 * rotation} did with the token presented.
 *
 * @param outcome what happened
 * @param spent the presented token's grant, unless refused
 * @param successor for a replay, the successor its rotation stored (the one to hand out again)
 * @param refusal for a refusal, why the token no longer works, when the store knows: the reason its
 * family was revoked with, {@link WxSessionEndReason#EXPIRED}, or {@code null} for a token the store does
 * not know (never issued, or forgotten since it expired)
 */
public record RefreshTokenRotation(Outcome outcome, @Nullable RefreshTokenGrant spent,
		@Nullable RefreshTokenSuccessor successor, @Nullable WxSessionEndReason refusal) {

	private static final RefreshTokenRotation REFUSED = new RefreshTokenRotation(Outcome.REFUSED, null, null, null);

	/**
	 * Create a rotation that says nothing of a refusal's reason.
	 * @param outcome what happened
	 * @param spent the presented token's grant, unless refused
	 * @param successor for a replay, the successor its rotation stored
	 */
	public RefreshTokenRotation(Outcome outcome, @Nullable RefreshTokenGrant spent,
			@Nullable RefreshTokenSuccessor successor) {
		this(outcome, spent, successor, null);
	}

	/**
	 * The token was spent for the successor given.
	 * @param spent the spent token's grant
	 * @return the rotation
	 */
	public static RefreshTokenRotation rotated(RefreshTokenGrant spent) {
		return new RefreshTokenRotation(Outcome.ROTATED, spent, null, null);
	}

	/**
	 * The token was spent before, within the reuse interval, and its successor is still the family's live
	 * token: nothing changed, and that successor is to be handed out again.
	 * @param spent the spent token's grant
	 * @param successor the successor its rotation stored
	 * @return the rotation
	 */
	public static RefreshTokenRotation replayed(RefreshTokenGrant spent, RefreshTokenSuccessor successor) {
		return new RefreshTokenRotation(Outcome.REPLAYED, spent, successor, null);
	}

	/**
	 * The token is unknown, expired, revoked, or was spent before (its family is revoked then).
	 * @return the rotation
	 */
	public static RefreshTokenRotation refused() {
		return REFUSED;
	}

	/**
	 * The token no longer works, for a reason the store knows.
	 * @param grant the presented token's grant, when the store read it (a session that went idle), or
	 * {@code null}
	 * @param reason why
	 * @return the rotation
	 */
	public static RefreshTokenRotation refused(@Nullable RefreshTokenGrant grant, @Nullable WxSessionEndReason reason) {
		return new RefreshTokenRotation(Outcome.REFUSED, grant, null, reason);
	}

	/**
	 * Return the spent token's grant when the token was spent by this rotation, as
	 * {@link RefreshTokenStore#rotate(RefreshTokenId, RefreshTokenId, java.time.Instant)} answers.
	 * @return the grant, or empty unless {@link Outcome#ROTATED}
	 */
	public Optional<RefreshTokenGrant> rotatedGrant() {
		return (this.outcome == Outcome.ROTATED) ? Optional.ofNullable(this.spent) : Optional.empty();
	}

	/**
	 * What a rotation did.
	 */
	public enum Outcome {

		/** The token was spent for the successor given. */
		ROTATED,

		/** The token was spent moments ago: its successor is handed out again, nothing changed. */
		REPLAYED,

		/** The token is unknown, expired, revoked, or a reuse that revoked its family. */
		REFUSED

	}

}
