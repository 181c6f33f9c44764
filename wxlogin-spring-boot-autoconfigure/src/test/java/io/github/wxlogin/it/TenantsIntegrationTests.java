package io.github.wxlogin.it;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.wxlogin.WxTenant;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.login.WxAccountManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two mini programs of two tenants over HTTP, the merchant's tenant set in the properties: the same phone
 * or unionid signs in to an account in each tenant, and each token carries its tenant.
 */
@TestPropertySource(properties = { "wx.login.apps.merchant.appid=" + TenantsIntegrationTests.MERCHANT_APP,
		"wx.login.apps.merchant.secret=" + TenantsIntegrationTests.MERCHANT_SECRET,
		"wx.login.apps.merchant.tenant=" + TenantsIntegrationTests.MERCHANT })
class TenantsIntegrationTests extends HostIntegrationTest {

	static final String MERCHANT_APP = "wx5a0b0000000000c1";

	static final String MERCHANT_SECRET = "0cc175b9c0f1b6a831c399e269772661";

	static final String MERCHANT = "merchant-1";

	@Autowired
	WxAccountManager accounts;

	@BeforeEach
	void hostTheMerchantsAppOnTheFake() {
		try {
			this.fake.addApp(MERCHANT_APP, MERCHANT_SECRET);
		}
		catch (IllegalArgumentException ex) {
			// hosted by an earlier test of this shared context
		}
	}

	private Reply phoneLogin(String appid, String openid, String unionid, String phoneNumber) {
		return this.client.post("/wx/login/phone", this.fake.issuePhoneLoginCodes(appid, openid, unionid, phoneNumber));
	}

	@Test
	void samePhoneInTwoTenantsSignsInToTwoAccountsEachSeenThroughItsOwnToken() {
		Reply here = phoneLogin(this.fake.appid(), "openid-tenant-1", "unionid-tenant-1", "13800139101");
		Reply there = phoneLogin(MERCHANT_APP, "openid-tenant-1-m", "unionid-tenant-1", "13800139101");
		assertThat(here.status().value()).as(here.body()).isEqualTo(200);
		assertThat(there.status().value()).as(there.body()).isEqualTo(200);
		String hereId = here.json().path("user").path("id").asString();
		String thereId = there.json().path("user").path("id").asString();

		assertThat(there.json().path("newUser").asBoolean()).isTrue();
		assertThat(thereId).isNotEqualTo(hereId);
		assertThat(claims(here.text("accessToken"))).containsEntry("tenant", WxTenant.DEFAULT);
		assertThat(claims(there.text("accessToken"))).containsEntry("tenant", MERCHANT);
		Reply me = this.client.get("/wx/me", there.text("accessToken"));
		assertThat(me.text("id")).isEqualTo(thereId);
		assertThat(me.text("openid")).isEqualTo("openid-tenant-1-m");
		assertThat(this.client.get("/wx/me", here.text("accessToken")).text("id")).isEqualTo(hereId);
		assertThat(this.accounts.findByPhone(MERCHANT, "13800139101")).hasValueSatisfying(
				(account) -> assertThat(account.id()).isEqualTo(thereId));
		assertThat(this.accounts.findByPhone("13800139101")).hasValueSatisfying(
				(account) -> assertThat(account.id()).isEqualTo(hereId));
		// the refreshed token stays in its tenant
		Reply refreshed = this.client.post("/wx/token/refresh", Map.of("refreshToken", there.text("refreshToken")));
		assertThat(claims(refreshed.text("accessToken"))).containsEntry("tenant", MERCHANT);
		// each account's sessions are its own
		assertThat(this.client.get("/wx/sessions", there.text("accessToken")).json().size()).isOne();
	}

	@Test
	void sameUnionidInTwoTenantsLogsInToTwoAccounts() {
		Reply here = this.client.post("/wx/login",
				Map.of("code", this.fake.issueLoginCode(this.fake.appid(), "openid-tenant-2", "unionid-tenant-2")));
		Reply there = this.client.post("/wx/login", Map.of("code",
				this.fake.issueLoginCode(MERCHANT_APP, "openid-tenant-2-m", "unionid-tenant-2"), "appid", MERCHANT_APP));

		assertThat(there.json().path("newUser").asBoolean()).isTrue();
		assertThat(there.json().path("user").path("id").asString())
			.isNotEqualTo(here.json().path("user").path("id").asString());
		assertThat(this.accounts.identities(here.json().path("user").path("id").asString())).hasSize(1);
		assertThat(claims(there.text("accessToken")).get("aud")).isIn(MERCHANT_APP, List.of(MERCHANT_APP));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> claims(String jwt) {
		byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
		return JsonMapper.builder().build().readValue(payload, Map.class);
	}

}
