package io.github.wxlogin.login;

import io.github.wxlogin.WxPhone;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxPhoneInfo;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Exchanges {@code getPhoneNumber} codes with WeChat, observed as
 * {@value WxSignInService#PHONE_NUMBER_OBSERVATION} per mini program: WeChat charges the mini program for
 * each number it gives, and the observation lets operators see the bill coming.
 */
final class PhoneNumbers {

	private final WxApiClient wechat;

	private final ObservationRegistry observations;

	PhoneNumbers(WxApiClient wechat, ObservationRegistry observations) {
		this.wechat = wechat;
		this.observations = observations;
	}

	WxPhone exchange(WxApp app, String phoneCode, String openid) {
		WxPhoneInfo info = Observation.createNotStarted(WxSignInService.PHONE_NUMBER_OBSERVATION, this.observations)
			.lowCardinalityKeyValue(WxSignInService.APPID_KEY, app.appid())
			.observe(() -> this.wechat.phoneNumber(app, phoneCode, openid));
		return new WxPhone(info.phoneNumber(), info.purePhoneNumber(), info.countryCode());
	}

}
