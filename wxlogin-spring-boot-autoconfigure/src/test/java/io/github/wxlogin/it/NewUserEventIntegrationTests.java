package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.event.WxNewUserEvent;
import io.github.wxlogin.event.WxNewUserEvent.Method;
import io.github.wxlogin.it.AuditEventsIntegrationTests.Recorder;
import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host's {@code @EventListener} hears of each account a login creates once, as a {@link WxNewUserEvent},
 * after the account is stored; a returning user, a refresh and a phone login to a known account are no new
 * users.
 */
@Import(AuditEventsIntegrationTests.Recording.class)
class NewUserEventIntegrationTests extends HostIntegrationTest {

	@Autowired
	Recorder recorder;

	@BeforeEach
	void forget() {
		this.recorder.clear();
	}

	private static String userId(Reply reply) {
		return reply.json().path("user").path("id").asString();
	}

	@Test
	void aNewUserIsPublishedOnceAndAReturningOneIsNot() {
		Reply first = login("openid-new-user-1");
		assertThat(first.json().path("newUser").asBoolean()).isTrue();
		assertThat(this.recorder.newUsers).singleElement().satisfies((event) -> {
			assertThat(event.accountId()).isEqualTo(userId(first));
			assertThat(event.appid()).isEqualTo(this.fake.appid());
			assertThat(event.openid()).isEqualTo("open****er-1");
			assertThat(event.method()).isEqualTo(Method.LOGIN);
		});
		assertThat(this.recorder.storedWhenPublished).containsExactly(true);

		Reply again = login("openid-new-user-1");
		this.client.post("/wx/token/refresh", Map.of("refreshToken", again.text("refreshToken")));
		assertThat(again.json().path("newUser").asBoolean()).isFalse();
		assertThat(this.recorder.newUsers).hasSize(1);
		assertThat(this.recorder.newUsers.toString()).doesNotContain("openid-new-user-1")
			.doesNotContain(first.text("refreshToken"))
			.doesNotContain(first.text("accessToken"));
	}

	@Test
	void aPhoneLoginThatCreatesAnAccountIsPublishedAsAPhoneLogin() {
		Reply reply = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-new-user-2", "13800138301"));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(this.recorder.newUsers).singleElement().satisfies((event) -> {
			assertThat(event.accountId()).isEqualTo(userId(reply));
			assertThat(event.method()).isEqualTo(Method.PHONE_LOGIN);
		});
		assertThat(this.recorder.storedWhenPublished).containsExactly(true);
	}

	@Test
	void aPhoneLoginOfAKnownUserIsNoNewUser() {
		login("openid-new-user-3");
		this.recorder.clear();
		Reply reply = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-new-user-3", "13800138302"));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(this.recorder.newUsers).isEmpty();
	}

}
