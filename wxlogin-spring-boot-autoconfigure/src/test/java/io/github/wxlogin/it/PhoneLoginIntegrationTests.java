package io.github.wxlogin.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.login.WxAccountManager;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.PhoneLoginCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone-number login against the fake WeChat server: a new user, a user known from silent login, an
 * account the host created from another channel, a conflict, a disabled account, and many devices of
 * one phone at once; and the caller's linked identities.
 */
class PhoneLoginIntegrationTests extends HostIntegrationTest {

	private static final String OTHER_APPID = "wx00000000000000aa";

	@Autowired
	WxAccountManager accounts;

	@Autowired
	WxAccountStore store;

	private Reply phoneLogin(Object body) {
		return this.client.post("/wx/login/phone", body);
	}

	private Reply phoneLogin(String openid, String phoneNumber) {
		return phoneLogin(this.fake.issuePhoneLoginCodes(openid, phoneNumber));
	}

	private static String userId(Reply reply) {
		return reply.json().path("user").path("id").asString();
	}

	@Test
	void aNewUserGetsAnAccountWithThePhone() {
		Reply reply = phoneLogin("openid-pl-1", "13800138101");
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().path("newUser").asBoolean()).isTrue();
		assertThat(reply.json().path("phoneBound").asBoolean()).isTrue();
		assertThat(reply.json().path("user").path("phoneNumber").asString()).isEqualTo("138****8101");
		assertThat(reply.json().path("user").path("openid").asString()).isEqualTo("openid-pl-1");
		assertThat(this.client.get("/api/hello", reply.text("accessToken")).status().value()).isEqualTo(200);
	}

	@Test
	void aSilentLoginUserWithoutPhoneGetsItBound() {
		Reply silent = login("openid-pl-2");
		assertThat(silent.json().path("phoneBound").asBoolean()).isFalse();
		Reply reply = phoneLogin("openid-pl-2", "13800138102");
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(userId(reply)).isEqualTo(userId(silent));
		assertThat(reply.json().path("newUser").asBoolean()).isFalse();
		assertThat(reply.json().path("phoneBound").asBoolean()).isTrue();
		assertThat(login("openid-pl-2").json().path("phoneBound").asBoolean()).isTrue();
	}

	@Test
	void anAccountTheHostCreatedElsewhereIsLinkedByItsPhone() {
		WxAccount created = this.accounts.createAccount(new WxPhone("13800138103", "13800138103", "86"));
		Reply reply = phoneLogin("openid-pl-3", "13800138103");
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(userId(reply)).isEqualTo(created.id());
		assertThat(reply.json().path("newUser").asBoolean()).isFalse();
		assertThat(this.accounts.identities(created.id())).extracting(WxLinkedIdentity::openid)
			.containsExactly("openid-pl-3");
		// Silent login of the linked identity finds the same account
		assertThat(userId(login("openid-pl-3"))).isEqualTo(created.id());
	}

	@Test
	void anIdentityAndAPhoneOfTwoAccountsAreAConflictThatChangesNothing() {
		Reply owner = phoneLogin("openid-pl-4a", "13800138104");
		Reply other = phoneLogin("openid-pl-4b", "13800138114");
		Reply reply = phoneLogin("openid-pl-4b", "13800138104");
		assertProblem(reply, 409, "identity_conflict");
		assertThat(this.accounts.findByPhone("13800138104")).map(WxAccount::id).contains(userId(owner));
		assertThat(this.accounts.findByPhone("13800138114")).map(WxAccount::id).contains(userId(other));
		assertThat(this.accounts.identities(userId(owner))).extracting(WxLinkedIdentity::openid)
			.containsExactly("openid-pl-4a");
	}

	@Test
	void aDisabledAccountCannotLogInOrRefreshAndItsSessionsEnd() {
		Reply before = phoneLogin("openid-pl-5", "13800138105");
		this.accounts.disable(userId(before));
		assertProblem(this.client.post("/wx/token/refresh", Map.of("refreshToken", before.text("refreshToken"))), 401,
				"invalid_refresh_token");
		assertProblem(this.client.get("/api/hello", before.text("accessToken")), 401, "unauthorized");
		assertProblem(this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-pl-5"))), 403,
				"account_disabled");
		this.fake.resetCounts();
		assertProblem(phoneLogin("openid-pl-5", "13800138105"), 403, "account_disabled");
		// Refused before the phone code was spent: WeChat charges for each number it gives
		assertThat(this.fake.callCount(Api.PHONE_NUMBER)).isZero();

		this.accounts.enable(userId(before));
		assertThat(login("openid-pl-5").status().value()).isEqualTo(200);
	}

	@Test
	void disablingAnAccountThroughTheStoreEndsItsSessionsToo() {
		Reply before = login("openid-pl-10");
		assertThat(this.client.get("/api/hello", before.text("accessToken")).status().value()).isEqualTo(200);
		this.store.disable(userId(before));
		assertProblem(this.client.get("/api/hello", before.text("accessToken")), 401, "unauthorized");
		assertProblem(this.client.post("/wx/token/refresh", Map.of("refreshToken", before.text("refreshToken"))), 401,
				"invalid_refresh_token");
		assertProblem(this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-pl-10"))), 403,
				"account_disabled");
	}

	@Test
	void aRefusedLoginCodeLeavesThePhoneCodeUnspent() {
		PhoneLoginCodes codes = this.fake.issuePhoneLoginCodes("openid-pl-6", "13800138106");
		assertProblem(phoneLogin(Map.of("loginCode", "never-issued", "phoneCode", codes.phoneCode())), 401,
				"invalid_code");
		Reply retried = phoneLogin(Map.of("loginCode", codes.loginCode(), "phoneCode", codes.phoneCode()));
		assertThat(retried.status().value()).as(retried.body()).isEqualTo(200);
	}

	@Test
	void bothCodesAreRequired() {
		assertProblem(phoneLogin(Map.of("loginCode", this.fake.issueLoginCode("openid-pl-7"))), 400, "invalid_request");
		assertProblem(phoneLogin(Map.of("phoneCode", this.fake.issuePhoneCode("13800138107"))), 400, "invalid_request");
	}

	@Test
	void concurrentPhoneLoginsOfOnePhoneEndWithOneAccount() throws Exception {
		int devices = 20;
		List<PhoneLoginCodes> codes = new ArrayList<>();
		for (int i = 0; i < devices; i++) {
			codes.add(this.fake.issuePhoneLoginCodes("openid-pl-8-" + i, "13800138108"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(devices);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Reply>> replies = new ArrayList<>();
			for (PhoneLoginCodes body : codes) {
				replies.add(pool.submit(() -> {
					start.await();
					return phoneLogin(body);
				}));
			}
			start.countDown();
			List<String> userIds = new ArrayList<>();
			for (Future<Reply> reply : replies) {
				Reply done = reply.get();
				assertThat(done.status().value()).as(done.body()).isEqualTo(200);
				userIds.add(userId(done));
			}
			assertThat(userIds).containsOnly(userIds.get(0));
			assertThat(this.accounts.identities(userIds.get(0))).hasSize(devices);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void meListsTheLinkedMiniProgramsAndTheCallerUnlinksAnother() {
		Reply signedIn = phoneLogin("openid-pl-9", "13800138109");
		String token = signedIn.text("accessToken");
		this.accounts.linkIdentity(userId(signedIn), new WxIdentity(OTHER_APPID, "openid-pl-9-other", null));

		Reply me = this.client.get("/wx/me", token);
		assertThat(me.json().path("identities").findValuesAsString("appid")).containsExactly(this.fake.appid(),
				OTHER_APPID);
		assertThat(me.body()).doesNotContain("openid-pl-9-other");

		assertProblem(this.client.delete("/wx/me/identities/" + this.fake.appid(), token), 400, "invalid_request");
		assertProblem(this.client.delete("/wx/me/identities/wx00000000000000bb", token), 404, "not_found");
		assertThat(this.client.delete("/wx/me/identities/" + OTHER_APPID, token).status().value()).isEqualTo(204);
		assertThat(this.client.get("/wx/me", token).json().path("identities").findValuesAsString("appid"))
			.containsExactly(this.fake.appid());
		assertThat(this.accounts.identities(userId(signedIn))).extracting(WxLinkedIdentity::appid)
			.containsExactly(this.fake.appid());
	}

}
