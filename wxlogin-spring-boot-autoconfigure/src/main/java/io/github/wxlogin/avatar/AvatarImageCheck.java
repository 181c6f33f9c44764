package io.github.wxlogin.avatar;

import io.github.wxlogin.wechat.WxApiClient;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * How uploaded avatars are checked by WeChat's asynchronous image check, or {@link #OFF}: WeChat's servers
 * fetch each avatar from its public URL, and the verdict comes later as a {@code wxa_media_check} push.
 *
 * @param wechat the WeChat client that asks for the check
 * @param pending the avatars waiting for their verdicts
 * @param events where the verdicts on avatars are published
 * @param waitForVerdict whether an avatar becomes the profile's only once it passed, rather than at once
 * (WeChat's guidance) and removed again if it is risky
 */
public record AvatarImageCheck(@Nullable WxApiClient wechat, @Nullable AvatarCheckStore pending,
		@Nullable ApplicationEventPublisher events, boolean waitForVerdict) {

	/** No image check: avatars are shown as uploaded. */
	public static final AvatarImageCheck OFF = new AvatarImageCheck(null, null, null, false);

	/**
	 * Return an image check.
	 * @param wechat the WeChat client
	 * @param pending the store of avatars waiting for their verdicts
	 * @param events where verdicts are published
	 * @param waitForVerdict whether to show an avatar only once it passed
	 * @return the check
	 */
	public static AvatarImageCheck on(WxApiClient wechat, AvatarCheckStore pending, ApplicationEventPublisher events,
			boolean waitForVerdict) {
		return new AvatarImageCheck(wechat, pending, events, waitForVerdict);
	}

	/**
	 * Return whether avatars are checked.
	 * @return whether this check is on
	 */
	public boolean enabled() {
		return this.wechat != null && this.pending != null && this.events != null;
	}

}
