package io.github.wxlogin.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code GET /wxa/checksession} of {@link FakeWeChatServer}.
 */
class CheckSessionTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final WeChatHttp http = new WeChatHttp(wechat.server());

	@Test
	void signatureIsHmacSha256KeyedWithTheSessionKeyString() {
		assertThat(WeChatCrypto.checkSessionSignature("tiihtNczf5v6AKRyjwEUhQ=="))
			.isEqualTo("7154f9f8b4b76b92f541cbf0e37d48840fa06e5e42da92a6f80168a1516a4735");
	}

	@Test
	void signatureOfTheCurrentSessionKeyAnswersZero() {
		wechat.server().issueLoginCode("openid-1");
		String signature = WeChatCrypto.checkSessionSignature(wechat.server().sessionKeyOf("openid-1"));
		WeChatHttp.Reply reply = this.http.checkSession(this.http.accessToken(), "openid-1", signature);
		assertThat(reply.errcode()).isZero();
		assertThat(reply.json().get("errmsg").asString()).isEqualTo("ok");
	}

	@Test
	void signatureOfAnEarlierSessionKeyAnswers87009() {
		wechat.server().issueLoginCode("openid-2");
		String signature = WeChatCrypto.checkSessionSignature(wechat.server().sessionKeyOf("openid-2"));
		wechat.server().issueLoginCode("openid-2");
		assertThat(this.http.checkSession(this.http.accessToken(), "openid-2", signature).errcode()).isEqualTo(87009);
	}

	@Test
	void unknownUserAnswers87009() {
		assertThat(this.http.checkSession(this.http.accessToken(), "stranger", "00").errcode()).isEqualTo(87009);
	}

}
