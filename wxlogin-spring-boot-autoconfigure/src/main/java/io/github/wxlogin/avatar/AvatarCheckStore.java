package io.github.wxlogin.avatar;

import java.util.Optional;

/**
 * The avatars waiting for WeChat's image check, by the check's trace id: which account uploaded which
 * avatar. An entry is kept for a day (WeChat answers within 30 minutes) and taken once its verdict came.
 */
public interface AvatarCheckStore {

	/**
	 * Remember an avatar sent for checking.
	 * @param traceId the trace id WeChat answered
	 * @param check the account and avatar
	 */
	void save(String traceId, PendingAvatarCheck check);

	/**
	 * Take the avatar a verdict is for, so that a verdict WeChat pushes again finds nothing.
	 * @param traceId the verdict's trace id
	 * @return the account and avatar, or empty when unknown, expired or already taken
	 */
	Optional<PendingAvatarCheck> take(String traceId);

	/**
	 * An avatar waiting for its verdict.
	 *
	 * @param userId the account that uploaded it
	 * @param avatarUrl the avatar's URL
	 */
	record PendingAvatarCheck(String userId, String avatarUrl) {
	}

}
