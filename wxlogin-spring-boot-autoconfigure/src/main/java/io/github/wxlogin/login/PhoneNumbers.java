package io.github.wxlogin.login;

import io.github.wxlogin.WxPhone;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxPhoneInfo;
import io.micrometer.observation.ObservationRegistry;

/**
 * Exchanges {@code getPhoneNumber} codes with WeChat, observed as {@link WxLoginObservation#PHONE_NUMBER}
 * per mini program: WeChat charges the mini program for each number it gives, and the observation lets
 * operators see the bill coming.
 */
final class PhoneNumbers {

	private static final WxLoginObservationConvention DEFAULT_CONVENTION = new WxLoginObservationConvention();

	private final WxApiClient wechat;

	private final ObservationRegistry observations;

	PhoneNumbers(WxApiClient wechat, ObservationRegistry observations) {
		this.wechat = wechat;
		this.observations = observations;
	}

	WxPhone exchange(WxApp app, String phoneCode, String openid) {
		WxLoginObservationContext context = new WxLoginObservationContext(app.appid());
		WxPhoneInfo info = WxLoginObservation.PHONE_NUMBER
			.observation(null, DEFAULT_CONVENTION, () -> context, this.observations)
			.observe(() -> {
				WxPhoneInfo given = this.wechat.phoneNumber(app, phoneCode, openid);
				context.setOutcome("success");
				return given;
			});
		return new WxPhone(info.phoneNumber(), info.purePhoneNumber(), info.countryCode());
	}

}
