package io.github.wxlogin.it;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.user.InMemoryWxUserService;
import io.github.wxlogin.user.JdbcWxUserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = { "wx.login.apps.shop.appid=" + SeveralMiniProgramsIntegrationTests.SHOP,
		"wx.login.apps.shop.secret=" + SeveralMiniProgramsIntegrationTests.SHOP_SECRET })
class SeveralMiniProgramsIntegrationTests extends HostIntegrationTest {

	static final String SHOP = "wx5a0b000000000001";

	static final String SHOP_SECRET = "5f4dcc3b5aa765d61d8327deb882cf99";

	@Autowired
	WxUserService users;

	@BeforeEach
	void hostTheShopOnTheFake() {
		try {
			this.fake.addApp(SHOP, SHOP_SECRET);
		}
		catch (IllegalArgumentException ex) {
			// hosted by an earlier test of this shared context
		}
	}

	private Reply loginToShop(String openid, String unionid) {
		return this.client.post("/wx/login",
				Map.of("code", this.fake.issueLoginCode(SHOP, openid, unionid), "appid", SHOP));
	}

	@Test
	void loginNamesItsAppAndItsTokenSaysSo() {
		Reply login = loginToShop("openid-shop-1", "unionid-shop-1");
		assertThat(login.status().value()).as(login.body()).isEqualTo(200);
		Map<String, Object> claims = claims(login.text("accessToken"));
		assertThat(claims).containsEntry("appid", SHOP);
		assertThat(claims.get("aud")).isIn(SHOP, java.util.List.of(SHOP));
		assertThat(this.client.get("/api/hello", login.text("accessToken")).status().value()).isEqualTo(200);
		assertThat(this.client.get("/wx/me", login.text("accessToken")).text("openid")).isEqualTo("openid-shop-1");
	}

	@Test
	void loginWithoutAppidIsForTheDefaultApp() {
		Reply login = this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode("openid-default-1")));
		assertThat(login.status().value()).isEqualTo(200);
		assertThat(claims(login.text("accessToken"))).containsEntry("appid", this.fake.appid());
		Reply shopCodeWithoutAppid = this.client.post("/wx/login",
				Map.of("code", this.fake.issueLoginCode(SHOP, "openid-shop-2", null)));
		assertProblem(shopCodeWithoutAppid, 401, "invalid_code");
	}

	@Test
	void unknownAppidIsUnknownApp() {
		assertProblem(this.client.post("/wx/login", Map.of("code", "any", "appid", "wxunknown00000001")), 400,
				"unknown_app");
		assertProblem(this.client.postFromMiniProgram("/wx/login", "wxunknown00000001", Map.of("code", "any")), 400,
				"unknown_app");
		assertProblem(this.client.post("/wx/login", Map.of("code", "any", "appid", 42)), 400, "invalid_request");
	}

	@Test
	void loginWithoutAppidIsForTheAppWeChatNamesInTheReferer() {
		Reply login = this.client.postFromMiniProgram("/wx/login", SHOP,
				Map.of("code", this.fake.issueLoginCode(SHOP, "openid-shop-6", null)));
		assertThat(login.status().value()).as(login.body()).isEqualTo(200);
		assertThat(claims(login.text("accessToken"))).containsEntry("appid", SHOP);
		// the body's appid wins over the Referer
		Reply named = this.client.postFromMiniProgram("/wx/login", SHOP,
				Map.of("code", this.fake.issueLoginCode("openid-default-6"), "appid", this.fake.appid()));
		assertThat(claims(named.text("accessToken"))).containsEntry("appid", this.fake.appid());
	}

	@Test
	void eachAppHasItsOwnIdentityOfOneAccountLinkedByUnionid() {
		Reply inShop = loginToShop("openid-shop-3", "unionid-person-3");
		Reply inDefault = this.client.post("/wx/login",
				Map.of("code", this.fake.issueLoginCode(this.fake.appid(), "openid-default-3", "unionid-person-3")));
		String shopUserId = inShop.json().path("user").path("id").asString();
		String defaultUserId = inDefault.json().path("user").path("id").asString();
		// a unionid already known links the new identity to its account
		assertThat(shopUserId).isEqualTo(defaultUserId);
		assertThat(inDefault.json().path("newUser").asBoolean()).isFalse();
		assertThat(inDefault.json().path("user").path("openid").asString()).isEqualTo("openid-default-3");
		assertThat(findByUnionid(this.fake.appid(), "unionid-person-3")).map(WxUser::openid).hasValue("openid-default-3");
		assertThat(findByUnionid(SHOP, "unionid-person-3")).map(WxUser::openid).hasValue("openid-shop-3");
		// each app's caller sees its own openid, never the other app's
		assertThat(this.client.get("/wx/me", inShop.text("accessToken")).text("openid")).isEqualTo("openid-shop-3");
		assertThat(this.client.get("/wx/me", inDefault.text("accessToken")).text("openid"))
			.isEqualTo("openid-default-3");
		Reply refreshed = this.client.post("/wx/token/refresh", Map.of("refreshToken", inDefault.text("refreshToken")));
		assertThat(refreshed.json().path("user").path("openid").asString()).isEqualTo("openid-default-3");
	}

	private Optional<WxUser> findByUnionid(String appid, String unionid) {
		// H2 is on the class path, so the starter chose the JDBC store
		return (this.users instanceof JdbcWxUserService jdbc) ? jdbc.findByUnionid(appid, unionid)
				: ((InMemoryWxUserService) this.users).findByUnionid(appid, unionid);
	}

	@Test
	void phoneBindingUsesTheCallersAppAndItsOwnAccessToken() {
		this.fake.invalidateAccessToken(SHOP);
		this.fake.resetCounts();
		String token = loginToShop("openid-shop-4", "unionid-shop-4").text("accessToken");
		Reply bound = this.client.post("/wx/phone", token,
				Map.of("code", this.fake.issuePhoneCode(SHOP, "13800138401", "openid-shop-4")));
		assertThat(bound.status().value()).as(bound.body()).isEqualTo(200);
		assertThat(this.fake.callCount(SHOP, Api.PHONE_NUMBER)).isEqualTo(1);
		assertThat(this.fake.callCount(this.fake.appid(), Api.PHONE_NUMBER)).isZero();
	}

	@Test
	void legacyDataIsCheckedAgainstTheCallersApp() {
		String token = loginToShop("openid-shop-5", "unionid-shop-5").text("accessToken");
		var data = this.fake.userProfileData(SHOP, "openid-shop-5", "Shopper", "https://wx.qlogo.cn/mmopen/s/0");
		Reply reply = this.client.post("/wx/profile/wechat", token, Map.of("rawData", data.rawData(), "signature",
				data.signature(), "encryptedData", data.encryptedData(), "iv", data.iv()));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		assertThat(reply.text("nickname")).isEqualTo("Shopper");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> claims(String jwt) {
		byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
		return JsonMapper.builder().build().readValue(payload, Map.class);
	}

}
