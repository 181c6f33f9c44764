package io.github.wxlogin.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import io.github.wxlogin.wechat.WxApiCalls.Reply;
import io.github.wxlogin.wechat.WxApiException.Reason;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * WeChat's published worked example of its API security (the getuserriskrank call): the request's
 * ciphertext and tag reproduced bit for bit, both published signatures verified (PSS is randomized: they
 * are verified, never compared), and the published reply verified and decrypted.
 */
class WxApiSecurityVectorTests {

	private static final String APPID = "wxba6223c06417af7b";

	private static final String URLPATH = "https://api.weixin.qq.com/wxa/getuserriskrank";

	private static final String SYMMETRIC_KEY = "otUpngOjU+nVQaWJIC3D/yMLV17RKaP6t4Ot9tbnzLY=";

	private static final String SYMMETRIC_SN = "fa05fe1e5bcc79b81ad5ad4b58acf787";

	private static final long REQUEST_TIMESTAMP = 1635927954L;

	private static final String REQUEST_IV = "fmW/zNxXlytUZBgj";

	private static final String REQUEST_AUTHTAG = "5qeM/2vZv+6KtScN94IpMg==";

	private static final String APP_KEY_SN = "97845f6ed842ea860df6fdf65941ff56";

	private static final String PLATFORM_CERTIFICATE_NUMBER = "79ba700ea147819f640941bceb38b1d1";

	private static final long RESPONSE_TIMESTAMP = 1635927956L;

	private static final String DEPRECATED_CERTIFICATE_NUMBER = "2171af9cdf1d7404423852e7e183d852";

	private static final String REQUEST_PLAINTEXT = "{\"_n\":\"o89QaPVsRu1yppIZzvSZc4\",\"_appid\":\"wxba6223c06417af7b\",\"_timestamp\":1635927954,\"appi"
			+ "d\":\"wxba6223c06417af7b\",\"openid\":\"oEWzBfmdLqhFS2mTXCo2E4Y9gJAM\",\"scene\":0,\"client_ip\":\"127"
			+ ".0.0.1\"}";

	private static final String REQUEST_DATA = "0IDVdrPtSPF/Oe2CTXCV2vVNPbVJdJlP2WaTMQnoYLh5iCrrSNfQFh25EnStDMf0hLlVNBCZQtf9NaV0m4aRA4AAYI"
			+ "O7oR/Ge+4yY4EmZp5EVPB42xjScgMx5X3D4VdLCfynXIUKUtZHZvk1zmLVE3RauzJgiM1BB1CPmwcENo3MTJ0z8Vfk"
			+ "f5tMv54kOXobDLlV5rfqKdAX7gM/rP82DgZdt9vvZX44ipdbHIjJvw83ZXAFtvftdVw2Qd8=";

	private static final String REQUEST_BODY = "{\"iv\":\"fmW/zNxXlytUZBgj\",\"data\":\"0IDVdrPtSPF/Oe2CTXCV2vVNPbVJdJlP2WaTMQnoYLh5iCrrSNfQFh25E"
			+ "nStDMf0hLlVNBCZQtf9NaV0m4aRA4AAYIO7oR/Ge+4yY4EmZp5EVPB42xjScgMx5X3D4VdLCfynXIUKUtZHZvk1zmL"
			+ "VE3RauzJgiM1BB1CPmwcENo3MTJ0z8Vfkf5tMv54kOXobDLlV5rfqKdAX7gM/rP82DgZdt9vvZX44ipdbHIjJvw83Z"
			+ "XAFtvftdVw2Qd8=\",\"authtag\":\"5qeM/2vZv+6KtScN94IpMg==\"}";

	private static final String REQUEST_SIGNATURE = "wcSSWHZunjz9VKl9q+If9deiyECXDAELfAJNZ4+5T+NhFr8zfhkwdQtlgQ7nN5xs99R57La9UjBTRBGge2KYyshWtw"
			+ "7HIMPAqWNsnpHvx0b2f7s6Bt7OpfOQLlIfNgepgTVmUwrqW8/7A12szj7tCe/bRFilwnaX6N0w4duHlfL7ic7IIZXo"
			+ "uvy9dLRAa5GtEk1eD/LPWRiKh0SvJ3znPY/pSiQW9zSkXVdj9UGGM8qcKLzPGJ7gSmt3ZOPkFapk9wqFmhJwQj//xN"
			+ "5+hUlr2UiNPMNSHve5Y2ADLsNHqk5t7RfAZ8nW9/8lzhVt4t+toy1FeehxCGIC8qgmjIl1hg==";

	private static final String RESPONSE_BODY = "{\"iv\":\"r2WDQt56rEAmMuoR\",\"data\":\"HExs66Ik3el+iM4IpeQ7SMEN934FRLFYOd3EmeaIrpP4EPTHckoco6O+P"
			+ "aoRZRa3lqaPRZT7r52f7LUok6gLxc6cdR8C4vpIIfh4xfLC4L7FNy9GbuMK1hcoi8b7gkWJcwZMkuCFNEDmqn3T49o"
			+ "WzAQOrY4LZnnnykv6oUJotdAsnKvmoJkLK7hRh7M2B1d2UnTnRuoIyarXc5Iojwoghx4BOvnV\",\"authtag\":\"z2BF"
			+ "D8QctKXTuBlhICGOjQ==\"}";

	private static final String RESPONSE_SIGNATURE = "Ht0VfQkkEweJ4hU266C14Aj64H9AXfkwNi5zxUZETCvR2svU1ZYdosDhFX/voLj1TyszqKsVxAlENGt7PPZZ8RQX7j"
			+ "nA4SKhiPUhW4LTbyTenisHJ+ohSfDjYnXavjQsBHspFS+BlPHuSSJ2xyQzw1+HuC6nid09ZL4FnGSYo4OI5MJrSb9x"
			+ "LzIVZMIDuUQchGKi/KaB1KzxECLEZcfjqbAgmxC7qOmuBLyO1WkHYDM95NJrHJWba5xv4wrwPru9yYTJSNRnlM+zrW"
			+ "5w9pOubC4Jtj3szTAEuOz9AcqUmgaAvMLNAIa8hfODLRe3n/cu4SgYlN/ZkNRU4QXVNbPGMg==";

	private static final String RESPONSE_DEPRECATED_SIGNATURE = "ZP1OODikAOePc+YJUMLxunF6xV05kextO/T1fy5lWv/CwV6OCsPBRM2xRRCi+B4lYXbbfYDdjzCz5BIAWEwIdjMlg/"
			+ "IHcJVHhRNAlKt5A3zvzfaJa5IJQel7xuUEXk/B6KVyEb41PbzrptjUGqWyTFMrjxQ4ThJfCuYocnUng7OuDU95enMq"
			+ "K2hZpO8o7kFW638BAwKDSiFNEwEJDWYkLz0kEw7ma3keezm4YHYKfJmjChK39tmZld7Rw/yrV1U9RiL/DO5ayP9Vmr"
			+ "QkT/vYrPKyqI4/xKrIaTq44jFYTPIJKdU2OnLt6kjqwp2hvCzMuJdjRcrvzhWJ2A8xZ5hI2w==";

	private static final String RESPONSE_PLAINTEXT = "{\"_n\":\"ShYZpqdVgY+yQVAxNSWhYg\",\"_appid\":\"wxba6223c06417af7b\",\"_timestamp\":1635927956,\"errc"
			+ "ode\":0,\"errmsg\":\"getuserriskrank succ\",\"risk_rank\":0,\"unoin_id\":2258658297}";

	private final WxApiSecurity security = new WxApiSecurity(symmetricKey(), SYMMETRIC_SN, appPrivateKey(),
			APP_KEY_SN, Map.of(PLATFORM_CERTIFICATE_NUMBER, platformKey()), false,
			Set.copyOf(WxApiSecurity.DEFAULT_SECURED_PATHS), "wx.login.api-security");

	@Test
	void encryptionReproducesThePublishedCiphertextAndTagBitForBit() {
		byte[] sealed = WxApiSealing.encrypt(symmetricKey(), base64(REQUEST_IV),
				URLPATH + "|" + APPID + "|" + REQUEST_TIMESTAMP + "|" + SYMMETRIC_SN,
				REQUEST_PLAINTEXT.getBytes(StandardCharsets.UTF_8));
		int dataLength = sealed.length - WxApiSealing.TAG_LENGTH;
		assertThat(Base64.getEncoder().encodeToString(Arrays.copyOf(sealed, dataLength))).isEqualTo(REQUEST_DATA);
		assertThat(Base64.getEncoder().encodeToString(Arrays.copyOfRange(sealed, dataLength, sealed.length)))
			.isEqualTo(REQUEST_AUTHTAG);
	}

	@Test
	void sealingThePublishedFieldsGivesThePublishedBodyByteForByte() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("appid", APPID);
		fields.put("openid", "oEWzBfmdLqhFS2mTXCo2E4Y9gJAM");
		fields.put("scene", 0);
		fields.put("client_ip", "127.0.0.1");
		WxApiSealing.SealedRequest sealed = WxApiSealing.seal(this.security, APPID, URLPATH, fields, REQUEST_TIMESTAMP,
				"o89QaPVsRu1yppIZzvSZc4", base64(REQUEST_IV));
		assertThat(sealed.body()).isEqualTo(REQUEST_BODY).hasSize(324);
		assertThat(sealed.timestamp()).isEqualTo("1635927954");
		// randomized: what is checked is that it verifies with the key's public half
		assertThat(WxApiSealing.verify(appPublicKey(), signedRequest(), sealed.signature())).isTrue();
	}

	@Test
	void publishedRequestSignatureVerifiesWithTheExampleKeysPublicHalf() {
		assertThat(WxApiSealing.verify(appPublicKey(), signedRequest(), REQUEST_SIGNATURE)).isTrue();
		assertThat(WxApiSealing.verify(appPublicKey(), signedRequest() + " ", REQUEST_SIGNATURE)).isFalse();
	}

	@Test
	void publishedResponseSignatureVerifiesWithThePlatformCertificate() throws Exception {
		String signed = URLPATH + "\n" + APPID + "\n" + RESPONSE_TIMESTAMP + "\n" + RESPONSE_BODY;
		assertThat(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8))))
			.isEqualTo("f797cafd9e323df336fb427569fbe67e20d5bc96dd68a3f54d66b54e6e08bb27");
		assertThat(WxApiSealing.verify(platformKey(), signed, RESPONSE_SIGNATURE)).isTrue();
		assertThat(WxApiSealing.verify(platformKey(), signed, RESPONSE_DEPRECATED_SIGNATURE)).isFalse();
	}

	@Test
	void publishedReplyIsVerifiedAndDecrypted() {
		Map<String, Object> reply = securedCalls(RESPONSE_TIMESTAMP).open("getuserriskrank", app(), this.security,
				URLPATH, new Reply(200, responseHeaders(PLATFORM_CERTIFICATE_NUMBER, RESPONSE_SIGNATURE, null, null),
						RESPONSE_BODY));
		assertThat(reply).containsEntry("errcode", 0)
			.containsEntry("errmsg", "getuserriskrank succ")
			.containsEntry("risk_rank", 0)
			.doesNotContainKeys("_n", "_appid", "_timestamp");
	}

	@Test
	void publishedReplyDecryptsToThePublishedPlaintext() throws Exception {
		Map<String, Object> body = Map.of("iv", "r2WDQt56rEAmMuoR", "data", RESPONSE_BODY
			.substring(RESPONSE_BODY.indexOf("\"data\":\"") + 8, RESPONSE_BODY.indexOf("\",\"authtag\"")));
		byte[] data = base64((String) body.get("data"));
		byte[] tag = base64("z2BFD8QctKXTuBlhICGOjQ==");
		byte[] sealed = Arrays.copyOf(data, data.length + tag.length);
		System.arraycopy(tag, 0, sealed, data.length, tag.length);
		byte[] plaintext = WxApiSealing.decrypt(symmetricKey(), base64((String) body.get("iv")),
				URLPATH + "|" + APPID + "|" + RESPONSE_TIMESTAMP + "|" + SYMMETRIC_SN, sealed);
		assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(RESPONSE_PLAINTEXT);
	}

	@Test
	void replySignedWithTheDeprecatedCertificateOnlyIsAcceptedDuringARollOver() {
		WxApiSecurity rolling = new WxApiSecurity(symmetricKey(), SYMMETRIC_SN, appPrivateKey(), APP_KEY_SN,
				Map.of(PLATFORM_CERTIFICATE_NUMBER, platformKey()), false, Set.of("/wxa/getuserriskrank"),
				"wx.login.api-security");
		// WeChat's new certificate is not installed yet: the published certificate plays the expiring one
		Map<String, Object> reply = securedCalls(RESPONSE_TIMESTAMP).open("getuserriskrank", app(), rolling, URLPATH,
				new Reply(200, responseHeaders("0123456789abcdef0123456789abcdef", RESPONSE_DEPRECATED_SIGNATURE,
						PLATFORM_CERTIFICATE_NUMBER, RESPONSE_SIGNATURE), RESPONSE_BODY));
		assertThat(reply).containsEntry("risk_rank", 0);
	}

	@Test
	void replySignedWithACertificateNotConfiguredIsAConfigurationError() {
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> securedCalls(RESPONSE_TIMESTAMP).open("getuserriskrank", app(), this.security, URLPATH,
					new Reply(200, responseHeaders(DEPRECATED_CERTIFICATE_NUMBER, RESPONSE_DEPRECATED_SIGNATURE, null,
							null), RESPONSE_BODY)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CONFIG_ERROR))
			.withMessageContaining(DEPRECATED_CERTIFICATE_NUMBER)
			.withMessageContaining("wx.login.api-security.platform-certificates");
	}

	@Test
	void alteredReplyIsRefused() {
		String altered = RESPONSE_BODY.replace("r2WDQt56rEAmMuoR", "r2WDQt56rEAmMuoS");
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> securedCalls(RESPONSE_TIMESTAMP).open("getuserriskrank", app(), this.security, URLPATH,
					new Reply(200, responseHeaders(PLATFORM_CERTIFICATE_NUMBER, RESPONSE_SIGNATURE, null, null),
							altered)))
			.withMessageContaining("does not verify");
	}

	@Test
	void replyFarFromThisServersClockIsRefused() {
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> securedCalls(RESPONSE_TIMESTAMP + 3600).open("getuserriskrank", app(), this.security,
					URLPATH, new Reply(200, responseHeaders(PLATFORM_CERTIFICATE_NUMBER, RESPONSE_SIGNATURE, null, null),
							RESPONSE_BODY)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_RESPONSE))
			.withMessageContaining("clock");
	}

	@Test
	void plainSuccessOnASecuredPathIsRefusedAsADowngrade() {
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> securedCalls(RESPONSE_TIMESTAMP).open("getuserriskrank", app(), this.security, URLPATH,
					new Reply(200, new HttpHeaders(), "{\"errcode\":0,\"errmsg\":\"ok\",\"risk_rank\":0}")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_RESPONSE))
			.withMessageContaining("plain reply");
	}

	@Test
	void securityErrorNamesTheSettingToFix() {
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> securedCalls(RESPONSE_TIMESTAMP).open("getuserriskrank", app(), this.security, URLPATH,
					new Reply(200, new HttpHeaders(), "{\"errcode\":40234,\"errmsg\":\"invalid signature\"}")))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(Reason.CONFIG_ERROR);
				assertThat(ex.getErrcode()).isEqualTo(40234);
			});
		assertThat(WxErrcodes.apiSecurityRemedy(40234, "wx.login.apps.shop.api-security"))
			.contains("wx.login.apps.shop.api-security.private-key");
	}

	private static String signedRequest() {
		return URLPATH + "\n" + APPID + "\n" + REQUEST_TIMESTAMP + "\n" + REQUEST_BODY;
	}

	private static WxApp app() {
		return new WxApp(APPID, "secret");
	}

	private static WxSecuredCalls securedCalls(long now) {
		WxApiCalls calls = new WxApiCalls(() -> RestClient.create(), new java.time.Duration[0]);
		return new WxSecuredCalls(calls, Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
	}

	private static HttpHeaders responseHeaders(String serial, String signature, String deprecatedSerial,
			String deprecatedSignature) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Wechatmp-Appid", APPID);
		headers.set("Wechatmp-TimeStamp", Long.toString(RESPONSE_TIMESTAMP));
		headers.set("Wechatmp-Serial", serial);
		headers.set("Wechatmp-Signature", signature);
		if (deprecatedSerial != null) {
			headers.set("Wechatmp-Serial-Deprecated", deprecatedSerial);
			headers.set("Wechatmp-Signature-Deprecated", deprecatedSignature);
		}
		return headers;
	}

	private static SecretKeySpec symmetricKey() {
		return new SecretKeySpec(base64(SYMMETRIC_KEY), "AES");
	}

	private static PrivateKey appPrivateKey() {
		return PemContent.of(resource("api-security-example-app-key.pem")).getPrivateKey();
	}

	private static PublicKey appPublicKey() {
		try {
			RSAPrivateCrtKey key = (RSAPrivateCrtKey) appPrivateKey();
			return java.security.KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PublicKey platformKey() {
		try (InputStream in = WxApiSecurityVectorTests.class.getResourceAsStream("api-security-example-platform.crt")) {
			return CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String resource(String name) {
		try (InputStream in = WxApiSecurityVectorTests.class.getResourceAsStream(name)) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] base64(String text) {
		return Base64.getDecoder().decode(text);
	}

}
