package io.github.wxlogin.avatar;

import io.github.wxlogin.event.WxMediaCheckEvent;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Hands the verdicts of WeChat's asynchronous image checks, which arrive by message push as
 * {@link WxMediaCheckEvent}s, to the avatar service: a risky avatar is deleted and taken off its profile.
 * Verdicts on images the service did not send are ignored, so a host's own checks of other images can
 * listen to the same events.
 */
public final class AvatarVerdictListener implements ApplicationListener<PayloadApplicationEvent<WxMediaCheckEvent>> {

	private final WxAvatarService avatars;

	/**
	 * Create the listener.
	 * @param avatars the avatar service the verdicts go to
	 */
	public AvatarVerdictListener(WxAvatarService avatars) {
		this.avatars = avatars;
	}

	@Override
	public void onApplicationEvent(PayloadApplicationEvent<WxMediaCheckEvent> event) {
		this.avatars.verdict(event.getPayload());
	}

}
