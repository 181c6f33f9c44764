package io.github.wxlogin.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.EncryptedData;
import io.github.wxlogin.test.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneIntegrationTests extends HostIntegrationTest {

	@Autowired
	WxUserService users;

	private Reply bindPhone(String accessToken, String code) {
		return this.client.post("/wx/phone", accessToken, Map.of("code", code));
	}

	@Test
	void phoneCodeBindsTheFullNumberAndMeShowsItMasked() {
		String token = accessToken("openid-phone-1");
		Reply bound = bindPhone(token, this.fake.issuePhoneCode("13800138001", "openid-phone-1"));
		assertThat(bound.status().value()).as(bound.body()).isEqualTo(200);
		assertThat(bound.text("phoneNumber")).isEqualTo("13800138001");
		assertThat(bound.text("purePhoneNumber")).isEqualTo("13800138001");
		assertThat(bound.text("countryCode")).isEqualTo("86");
		assertThat(this.client.get("/wx/me", token).json().path("phoneNumber").asString()).isEqualTo("138****8001");
	}

	@Test
	void phoneOfAnotherUserIsAConflictAndChangesNothing() {
		String first = accessToken("openid-phone-2a");
		String second = accessToken("openid-phone-2b");
		assertThat(bindPhone(first, this.fake.issuePhoneCode("13800138002")).status().value()).isEqualTo(200);
		assertThat(bindPhone(second, this.fake.issuePhoneCode("13800138022")).status().value()).isEqualTo(200);
		assertProblem(bindPhone(second, this.fake.issuePhoneCode("13800138002")), 409, "phone_conflict");
		assertThat(this.client.get("/wx/me", first).json().path("phoneNumber").asString()).isEqualTo("138****8002");
		assertThat(this.client.get("/wx/me", second).json().path("phoneNumber").asString()).isEqualTo("138****8022");
	}

	@Test
	void invalidOrReplayedPhoneCodeIsInvalidCode() {
		String token = accessToken("openid-phone-3");
		assertProblem(bindPhone(token, "never-issued"), 401, "invalid_code");
		String code = this.fake.issuePhoneCode("13800138003");
		assertThat(bindPhone(token, code).status().value()).isEqualTo(200);
		assertProblem(bindPhone(token, code), 401, "invalid_code");
	}

	@Test
	void loginCodeIsNoPhoneCode() {
		String token = accessToken("openid-phone-4");
		assertProblem(bindPhone(token, this.fake.issueLoginCode("openid-phone-4")), 401, "invalid_code");
	}

	@Test
	void rejectedAccessTokenMidwayRecovers() {
		String token = accessToken("openid-phone-5");
		assertThat(bindPhone(token, this.fake.issuePhoneCode("13800138005")).status().value()).isEqualTo(200);
		this.fake.invalidateAccessToken();
		Reply reply = bindPhone(token, this.fake.issuePhoneCode("13800138055"));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
	}

	@Test
	void accessTokenRejectedAgainAfterOneRetryIsAConfigErrorWithWeChatsErrcode() {
		String token = accessToken("openid-phone-6");
		this.fake.resetCounts();
		this.fake.failNext(Api.PHONE_NUMBER, Fault.errcode(40001), 5);
		Reply reply = bindPhone(token, this.fake.issuePhoneCode("13800138006"));
		assertProblem(reply, 502, "wechat_config_error");
		assertThat(reply.json().path("wxErrcode").asInt()).isEqualTo(40001);
		assertThat(this.fake.callCount(Api.PHONE_NUMBER)).isEqualTo(2);
	}

	@Test
	void phoneNeedsABearerToken() {
		assertProblem(this.client.post("/wx/phone", Map.of("code", "x")), 401, "unauthorized");
	}

	@Test
	void decryptedLegacyPhoneIsBound() {
		String token = accessToken("openid-decrypt-1");
		EncryptedData data = this.fake.encryptedPhoneData("openid-decrypt-1", "13800138006");
		Reply reply = this.client.post("/wx/phone/decrypt", token,
				Map.of("encryptedData", data.encryptedData(), "iv", data.iv()));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(reply.text("phoneNumber")).isEqualTo("13800138006");
		assertThat(this.client.get("/wx/me", token).json().path("phoneNumber").asString()).isEqualTo("138****8006");
	}

	@Test
	void plusSignsThatArrivedAsSpacesAreRestored() {
		String token = accessToken("openid-decrypt-2");
		EncryptedData data = this.fake.encryptedPhoneData("openid-decrypt-2", "13800138007");
		for (int i = 0; i < 20 && !(data.encryptedData() + data.iv()).contains("+"); i++) {
			data = this.fake.encryptedPhoneData("openid-decrypt-2", "13800138007");
		}
		assertThat(data.encryptedData() + data.iv()).contains("+");
		Reply reply = this.client.post("/wx/phone/decrypt", token, Map.of("encryptedData",
				data.encryptedData().replace('+', ' '), "iv", data.iv().replace('+', ' ')));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
	}

	@Test
	void watermarkOfAnotherAppIsRefused() {
		String token = accessToken("openid-decrypt-3");
		EncryptedData data = this.fake.encryptedPhoneData("openid-decrypt-3", "13800138008", "wxanotherapp00001");
		assertProblem(this.client.post("/wx/phone/decrypt", token,
				Map.of("encryptedData", data.encryptedData(), "iv", data.iv())), 400, "invalid_request");
	}

	@Test
	void dataUnderAnOldSessionKeyIsSessionKeyExpired() {
		String token = accessToken("openid-decrypt-4");
		EncryptedData stale = this.fake.encryptedPhoneData("openid-decrypt-4", "13800138009");
		login("openid-decrypt-4");
		Reply reply = this.client.post("/wx/phone/decrypt", token,
				Map.of("encryptedData", stale.encryptedData(), "iv", stale.iv()));
		assertProblem(reply, 401, "session_key_expired");
	}

	@Test
	void garbageIsInvalidRequest() {
		String token = accessToken("openid-decrypt-5");
		assertProblem(this.client.post("/wx/phone/decrypt", token, Map.of("encryptedData", "%%%not base64%%%", "iv",
				"AAAAAAAAAAAAAAAAAAAAAA==")), 400, "invalid_request");
		assertProblem(this.client.post("/wx/phone/decrypt", token,
				Map.of("encryptedData", "AAAAAAAAAAAAAAAAAAAAAA==", "iv", "AAAA")), 400, "invalid_request");
		assertProblem(this.client.post("/wx/phone/decrypt", token, Map.of("iv", "AAAA")), 400, "invalid_request");
	}

	@Test
	void manyConcurrentBindingsAfterWeChatDroppedTheTokenFetchOneNewToken() throws Exception {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			tokens.add(accessToken("openid-many-" + i));
		}
		this.fake.invalidateAccessToken();
		this.fake.resetCounts();
		ExecutorService pool = Executors.newFixedThreadPool(100);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				String token = tokens.get(i);
				String code = this.fake.issuePhoneCode("1390000" + String.format("%04d", i));
				replies.add(pool.submit(() -> {
					start.await();
					return bindPhone(token, code);
				}));
			}
			start.countDown();
			for (Future<Reply> reply : replies) {
				assertThat(reply.get().status().value()).as(reply.get().body()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		// The provider still holds the token WeChat invalidated: one rejection, then one new token
		assertThat(this.fake.callCount(Api.STABLE_TOKEN)).isEqualTo(1);
	}

	@Test
	void weChatFaultOnPhoneMapsToTheContractsError() {
		String token = accessToken("openid-phone-fault");
		this.fake.failNext(Api.PHONE_NUMBER, Fault.busy(), 10);
		Reply reply = bindPhone(token, this.fake.issuePhoneCode("13800138010"));
		assertProblem(reply, 503, "wechat_unavailable");
	}

}
