package io.github.wxlogin.test;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code POST /wxa/business/getuserphonenumber} of {@link FakeWeChatServer}.
 */
class PhoneNumberTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	private String token = "";

	@BeforeEach
	void obtainToken() {
		this.token = this.http.accessToken();
	}

	@Test
	void phoneCodeAnswersPhoneInfoWithStringCountryCodeAndWatermark() {
		String code = wechat.server().issuePhoneCode("13800138000");
		long before = wechat.server().now().getEpochSecond();
		WeChatHttp.Reply reply = this.http.phoneNumber(this.token, Map.of("code", code));
		long after = wechat.server().now().getEpochSecond();
		assertThat(reply.errcode()).isZero();
		assertThat(reply.json().get("errmsg").asString()).isEqualTo("ok");
		JsonNode phoneInfo = reply.json().get("phone_info");
		assertThat(phoneInfo.get("phoneNumber").asString()).isEqualTo("13800138000");
		assertThat(phoneInfo.get("purePhoneNumber").asString()).isEqualTo("13800138000");
		assertThat(phoneInfo.get("countryCode").isString()).isTrue();
		assertThat(phoneInfo.get("countryCode").asString()).isEqualTo("86");
		assertThat(phoneInfo.get("watermark").get("appid").asString()).isEqualTo(wechat.server().appid());
		assertThat(phoneInfo.get("watermark").get("timestamp").asLong()).isBetween(before, after);
	}

	@Test
	void numberOutsideChinaKeepsItsCountryCode() {
		String code = wechat.server().issuePhoneCode("+85261234567");
		JsonNode phoneInfo = this.http.phoneNumber(this.token, Map.of("code", code)).json().get("phone_info");
		assertThat(phoneInfo.get("phoneNumber").asString()).isEqualTo("+85261234567");
		assertThat(phoneInfo.get("purePhoneNumber").asString()).isEqualTo("61234567");
		assertThat(phoneInfo.get("countryCode").asString()).isEqualTo("852");
	}

	@Test
	void phoneCodeWorksOnce() {
		String code = wechat.server().issuePhoneCode("13800138000");
		assertThat(this.http.phoneNumber(this.token, Map.of("code", code)).errcode()).isZero();
		assertThat(this.http.phoneNumber(this.token, Map.of("code", code)).errcode()).isEqualTo(40029);
	}

	@Test
	void expiredPhoneCodeAnswers40029() {
		wechat.server().codeLifetime(Duration.ofMinutes(1));
		String code = wechat.server().issuePhoneCode("13800138000");
		wechat.server().advanceClock(Duration.ofMinutes(1));
		assertThat(this.http.phoneNumber(this.token, Map.of("code", code)).errcode()).isEqualTo(40029);
	}

	@Test
	void loginCodeIsNotAPhoneCode() {
		String loginCode = wechat.server().issueLoginCode("openid-1");
		assertThat(this.http.phoneNumber(this.token, Map.of("code", loginCode)).errcode()).isEqualTo(40029);
	}

	@Test
	void phoneCodeOfOneUserIsRefusedToAnother() {
		String code = wechat.server().issuePhoneCode("13800138000", "openid-1");
		assertThat(this.http.phoneNumber(this.token, Map.of("code", code, "openid", "openid-2")).errcode())
			.isEqualTo(40029);
		assertThat(this.http.phoneNumber(this.token, Map.of("code", code, "openid", "openid-1")).errcode()).isZero();
	}

	@Test
	void callWithoutValidTokenIsRefused() {
		String code = wechat.server().issuePhoneCode("13800138000");
		assertThat(this.http.post("/wxa/business/getuserphonenumber", Map.of(), Map.of("code", code)).errcode())
			.isEqualTo(41001);
		assertThat(this.http.phoneNumber("unknown", Map.of("code", code)).errcode()).isEqualTo(40001);
		assertThat(this.http.phoneNumber(this.token, Map.of("code", code)).errcode()).isZero();
	}

}
