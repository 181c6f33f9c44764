package io.github.wxlogin.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client tells about itself at login is cleaned before it is kept: it is shown to the user later.
 */
class WxLoginOriginTests {

	@Test
	void deviceFieldsLoseControlAndFormatCharactersAndExtraWhiteSpace() {
		WxLoginDevice device = WxLoginDevice.of(" iPhone\t15\r\nPro ", "i\u202Eos\u200B", "iOS\u000017.0");
		assertThat(device).isEqualTo(new WxLoginDevice("iPhone 15 Pro", "ios", "iOS17.0"));
	}

	@Test
	void deviceFieldsAreCutToSixtyFourCharactersWithoutSplittingOne() {
		String model = "😀".repeat(100);
		WxLoginDevice device = WxLoginDevice.of(model, "x".repeat(65), null);
		assertThat(device.model()).isEqualTo("😀".repeat(64));
		assertThat(device.platform()).hasSize(64);
		assertThat(device.system()).isNull();
	}

	@Test
	void deviceWithNothingLeftIsNoDevice() {
		assertThat(WxLoginDevice.of(null, " ", "\u0007\u200B")).isNull();
	}

	@Test
	void userAgentOfAMiniProgramIsSummarisedAsWeChatAndItsSystem() {
		assertThat(WxLoginOrigin.of(null, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN", null)
			.userAgent()).isEqualTo("MicroMessenger/8.0.47 (iPhone OS 17_0)");
		assertThat(WxLoginOrigin.of(null, "Mozilla/5.0 (Linux; Android 14; Pixel 8) MicroMessenger/8.0.47.2560", null)
			.userAgent()).isEqualTo("MicroMessenger/8.0.47.2560 (Android 14)");
	}

	@Test
	void otherUserAgentsAreSummarisedByTheirFirstProduct() {
		assertThat(WxLoginOrigin.of(null, "curl/8.5.0", null).userAgent()).isEqualTo("curl/8.5.0");
		assertThat(WxLoginOrigin.of(null, "Java-http-client/17.0.9", null).userAgent())
			.isEqualTo("Java-http-client/17.0.9");
		assertThat(WxLoginOrigin.of(null, "x".repeat(10_000), null).userAgent()).hasSizeLessThanOrEqualTo(64);
		assertThat(WxLoginOrigin.of(null, "\r\n", null).userAgent()).isNull();
	}

	@Test
	void addressIsKeptCleanAndShort() {
		assertThat(WxLoginOrigin.of("198.51.100.4", null, null).ip()).isEqualTo("198.51.100.4");
		assertThat(WxLoginOrigin.of("1.2.3.4\r\nX-Injected: 1", null, null).ip()).isEqualTo("1.2.3.4 X-Injected: 1");
		assertThat(WxLoginOrigin.of("9".repeat(100), null, null).ip()).hasSize(64);
	}

}
