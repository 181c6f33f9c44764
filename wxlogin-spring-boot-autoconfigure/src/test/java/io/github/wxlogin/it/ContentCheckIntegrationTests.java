package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "wx.login.profile.content-check=true")
class ContentCheckIntegrationTests extends HostIntegrationTest {

	@Test
	void passingNicknameIsSaved() {
		String token = accessToken("openid-check-1");
		Reply reply = this.client.put("/wx/profile", token, Map.of("nickname", "friendly"));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(this.fake.callCount(Api.MSG_SEC_CHECK)).isEqualTo(1);
	}

	@Test
	void riskyOrReviewNicknameIsRejectedAndNotSaved() {
		String token = accessToken("openid-check-2");
		this.client.put("/wx/profile", token, Map.of("nickname", "kept"));
		this.fake.contentVerdict("spam", "risky");
		this.fake.contentVerdict("doubt", "review");
		assertProblem(this.client.put("/wx/profile", token, Map.of("nickname", "buy spam")), 422, "content_rejected");
		assertProblem(this.client.put("/wx/profile", token, Map.of("nickname", "some doubt")), 422, "content_rejected");
		assertThat(this.client.get("/wx/me", token).text("nickname")).isEqualTo("kept");
	}

	@Test
	void avatarAloneNeedsNoCheck() {
		String token = accessToken("openid-check-3");
		Reply reply = this.client.put("/wx/profile", token, Map.of("avatarUrl", "https://example.com/a.png"));
		assertThat(reply.status().value()).isEqualTo(200);
		assertThat(this.fake.callCount(Api.MSG_SEC_CHECK)).isZero();
	}

}
