package io.github.wxlogin.wechat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.ApiSecurityKeys;
import io.github.wxlogin.test.EncryptedData;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.Fault;
import io.github.wxlogin.test.PlatformCertificate;
import io.github.wxlogin.wechat.RestClientWxApiClientTests.WxApiClients;
import io.github.wxlogin.wechat.WxApiException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's secured calls over real HTTP against the fake WeChat server with API security on: sealed
 * requests, verified and decrypted replies, a certificate roll-over, a downgrade, and each misconfiguration
 * failing as a configuration error whose log line names the setting to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecuredWxApiClientTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private static final String SETTINGS = "wx.login.apps.shop.api-security";

	private ApiSecurityKeys keys;

	private RestClientWxApiClient client;

	private static FakeWeChatServer fake() {
		return wechat.server();
	}

	@BeforeEach
	void enableApiSecurity() {
		this.client = WxApiClients.create(fake().baseUrl(), READ_TIMEOUT);
		this.keys = fake().enableApiSecurity();
	}

	@Test
	void phoneNumberTravelsEncryptedAndSignedBothWays() {
		fake().issueLoginCode("openid-secure-1");
		String code = fake().issuePhoneCode("13800138000", "openid-secure-1");
		WxPhoneInfo phone = this.client.phoneNumber(app(security(this.keys.privateKeyPkcs1())), code, "openid-secure-1");
		assertThat(phone.phoneNumber()).isEqualTo("13800138000");
	}

	@Test
	void pkcs8PrivateKeySignsAsWell() {
		fake().issueLoginCode("openid-secure-2");
		assertThat(this.client.msgSecCheck(app(security(this.keys.privateKeyPkcs8())), "openid-secure-2", "hello"))
			.isEqualTo(WxContentVerdict.PASS);
	}

	@Test
	void plainCallIsRefusedOnceApiSecurityIsOn(CapturedOutput output) {
		fake().issueLoginCode("openid-secure-3");
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> this.client.msgSecCheck(new WxApp(fake().appid(), fake().secret()), "openid-secure-3", "hi"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CONFIG_ERROR))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40233));
		assertThat(output).contains("configure 'wx.login.api-security'");
	}

	@Test
	void wrongPrivateKeyIsAConfigurationErrorNamingIt(CapturedOutput output) {
		ApiSecurityKeys other = otherAppKeys();
		fake().issueLoginCode("openid-secure-4");
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> this.client.msgSecCheck(app(security(other.privateKeyPkcs1())), "openid-secure-4", "hi"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CONFIG_ERROR))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40234));
		assertThat(output).contains("'" + SETTINGS + ".private-key' is not the key pair registered")
			.doesNotContain(other.privateKeyPkcs1().lines().skip(1).findFirst().orElseThrow());
	}

	@Test
	void wrongSymmetricKeyNumberIsAConfigurationErrorNamingIt(CapturedOutput output) {
		fake().issueLoginCode("openid-secure-5");
		WxApiSecurity wrongSn = new WxApiSecurity(symmetricKey(), "0123456789abcdef0123456789abcdef",
				PemContent.of(this.keys.privateKeyPkcs1()).getPrivateKey(), this.keys.privateKeySn(),
				Map.of(this.keys.platformCertificate().number(), publicKey(this.keys.platformCertificate())), false,
				Set.copyOf(WxApiSecurity.DEFAULT_SECURED_PATHS), SETTINGS);
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> this.client.msgSecCheck(app(wrongSn), "openid-secure-5", "hi"))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40235));
		assertThat(output).contains("'" + SETTINGS + ".symmetric-sn'");
	}

	@Test
	void serialIsSentWhenWeChatAsksForIt() {
		fake().requireApiSecuritySerial(fake().appid(), true);
		fake().issueLoginCode("openid-secure-6");
		WxApiSecurity security = security(this.keys.privateKeyPkcs1());
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> this.client.msgSecCheck(app(security), "openid-secure-6", "hi"))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40230));
		WxApiSecurity withSerial = new WxApiSecurity(security.symmetricKey(), security.symmetricSn(),
				security.appPrivateKey(), security.appKeySn(), security.platformKeys(), true, security.securedPaths(),
				SETTINGS);
		assertThat(this.client.msgSecCheck(app(withSerial), "openid-secure-6", "hi")).isEqualTo(WxContentVerdict.PASS);
	}

	@Test
	void rollOverIsFollowedWhileTheOldCertificateStillSignsThenNeedsTheNewOne(CapturedOutput output) {
		fake().issueLoginCode("openid-secure-7");
		WxApp app = app(security(this.keys.privateKeyPkcs1()));
		PlatformCertificate next = fake().rollPlatformCertificate(fake().appid());
		assertThat(this.client.msgSecCheck(app, "openid-secure-7", "hi")).isEqualTo(WxContentVerdict.PASS);
		assertThat(output).contains("rolling over its platform certificate").contains(next.number());

		fake().finishPlatformCertificateRollOver(fake().appid());
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> this.client.msgSecCheck(app, "openid-secure-7", "hi"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CONFIG_ERROR))
			.withMessageContaining(next.number());

		Map<String, PublicKey> both = new LinkedHashMap<>(app.apiSecurity().platformKeys());
		both.put(next.number(), publicKey(next));
		WxApiSecurity updated = new WxApiSecurity(symmetricKey(), this.keys.symmetricSn(),
				app.apiSecurity().appPrivateKey(), this.keys.privateKeySn(), both, false,
				Set.copyOf(WxApiSecurity.DEFAULT_SECURED_PATHS), SETTINGS);
		assertThat(this.client.msgSecCheck(app(updated), "openid-secure-7", "hi")).isEqualTo(WxContentVerdict.PASS);
	}

	@Test
	void plainSuccessReplyIsRefusedAsADowngrade() {
		fake().issueLoginCode("openid-secure-8");
		fake().answerSecuredCallsPlainly(fake().appid(), true);
		try {
			assertThatExceptionOfType(WxApiException.class)
				.isThrownBy(() -> this.client.msgSecCheck(app(security(this.keys.privateKeyPkcs1())), "openid-secure-8",
						"hi"))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_RESPONSE));
		}
		finally {
			fake().answerSecuredCallsPlainly(fake().appid(), false);
		}
	}

	@Test
	void eachInjectedSecurityErrorIsAConfigurationError() {
		fake().issueLoginCode("openid-secure-9");
		WxApp app = app(security(this.keys.privateKeyPkcs1()));
		for (int errcode = 40230; errcode <= 40240; errcode++) {
			fake().failNext(Api.MSG_SEC_CHECK, Fault.errcode(errcode), 1);
			int expected = errcode;
			assertThatExceptionOfType(WxApiException.class)
				.isThrownBy(() -> this.client.msgSecCheck(app, "openid-secure-9", "hi"))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CONFIG_ERROR))
				.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(expected));
		}
	}

	@Test
	void riskRankIsAskedSecuredWithTheClientsAddressAndPhone() {
		fake().issueLoginCode("openid-secure-10");
		fake().riskRank("openid-secure-10", 3);
		WxRiskRank rank = this.client.riskRank(app(security(this.keys.privateKeyPkcs1())), "openid-secure-10",
				"203.0.113.7", "13800138000", false);
		assertThat(rank.rank()).isEqualTo(3);
		assertThat(fake().riskRankRequests()).last().satisfies((request) -> {
			assertThat(request.scene()).isZero();
			assertThat(request.clientIp()).isEqualTo("203.0.113.7");
			assertThat(request.mobileNo()).isEqualTo("13800138000");
		});
	}

	@Test
	void noRiskVerdictIsErrcode61010() {
		fake().issueLoginCode("openid-secure-11");
		fake().noRiskVerdict("openid-secure-11");
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> this.client.riskRank(app(security(this.keys.privateKeyPkcs1())), "openid-secure-11",
					"203.0.113.7", null, false))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(61010));
	}

	@Test
	void encryptedDataWeChatMadeIsValidAndOtherDataIsNot() {
		fake().issueLoginCode("openid-secure-12");
		EncryptedData data = fake().encryptedPhoneData("openid-secure-12", "13800138000");
		WxApp app = app(security(this.keys.privateKeyPkcs1()));
		assertThat(this.client.checkEncryptedData(app, data.encryptedData()).valid()).isTrue();
		assertThat(this.client.checkEncryptedData(app, data.encryptedData().replace('+', ' ')).valid()).isTrue();
		assertThat(this.client.checkEncryptedData(app, "bm90IFdlQ2hhdCdz").valid()).isFalse();
	}

	private ApiSecurityKeys otherAppKeys() {
		String other = "wx0000000000000000";
		fake().addApp(other, "other-secret");
		try {
			return fake().enableApiSecurity(other);
		}
		finally {
			fake().removeApp(other);
		}
	}

	private WxApp app(WxApiSecurity security) {
		return new WxApp(fake().appid(), fake().secret()).withApiSecurity(security);
	}

	private WxApiSecurity security(String privateKeyPem) {
		return new WxApiSecurity(symmetricKey(), this.keys.symmetricSn(), PemContent.of(privateKeyPem).getPrivateKey(),
				this.keys.privateKeySn(),
				Map.of(this.keys.platformCertificate().number(), publicKey(this.keys.platformCertificate())), false,
				Set.copyOf(WxApiSecurity.DEFAULT_SECURED_PATHS), SETTINGS);
	}

	private SecretKeySpec symmetricKey() {
		return new SecretKeySpec(Base64.getDecoder().decode(this.keys.symmetricKey()), "AES");
	}

	private static PublicKey publicKey(PlatformCertificate certificate) {
		try {
			return CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(certificate.pem().getBytes(StandardCharsets.US_ASCII)))
				.getPublicKey();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
