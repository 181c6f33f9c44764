package io.github.wxlogin.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.Headers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WeChat's API security as the fake server speaks it, per mini program that turned it on: a call to a
 * secured API must be signed with the app's private key (RSA-PSS) and encrypted with the symmetric key
 * (AES-256-GCM), else it is refused with the 4023x errcode WeChat gives; its reply is encrypted and signed
 * with the fake's platform key, and during a certificate roll-over signed with the expiring key too.
 */
final class SecuredApis {

	static final Set<Api> SECURED = EnumSet.of(Api.PHONE_NUMBER, Api.MSG_SEC_CHECK, Api.MEDIA_CHECK_ASYNC,
			Api.RISK_RANK, Api.CHECK_ENCRYPTED_MSG);

	private static final long TIMESTAMP_WINDOW_SECONDS = 300;

	private static final PSSParameterSpec PSS = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32,
			PSSParameterSpec.TRAILER_FIELD_BC);

	private final Map<String, AppSecurity> byAppid = new ConcurrentHashMap<>();

	private final PlatformKeys platformKeys = new PlatformKeys();

	private final Clock clock;

	SecuredApis(Clock clock) {
		this.clock = clock;
	}

	ApiSecurityKeys enable(String appid) {
		AppSecurity security = new AppSecurity(appid, new SecretKeySpec(randomBytes(32), "AES"), randomNumber(),
				newAppKeyPair(), randomNumber(), this.platformKeys.next());
		this.byAppid.put(appid, security);
		return security.keys();
	}

	void disable(String appid) {
		this.byAppid.remove(appid);
	}

	PlatformCertificate rollPlatformCertificate(String appid) {
		return require(appid).roll(this.platformKeys.next());
	}

	void finishRollOver(String appid) {
		require(appid).deprecated = null;
	}

	void requireSerial(String appid, boolean required) {
		require(appid).serialRequired = required;
	}

	void answerPlainly(String appid, boolean plainly) {
		require(appid).plainReplies = plainly;
	}

	boolean isOn(String appid) {
		return this.byAppid.containsKey(appid);
	}

	private AppSecurity require(String appid) {
		AppSecurity security = this.byAppid.get(appid);
		if (security == null) {
			throw new IllegalStateException("API security is off for " + appid + ": turn it on with enableApiSecurity");
		}
		return security;
	}

	/**
	 * Answer a call: plainly unless it is to a secured API for a mini program with API security on, when
	 * the call is verified and decrypted for the endpoint, and its reply encrypted and signed.
	 * @param api the API called
	 * @param urlpath scheme, host and path of the call as the client addressed it
	 * @param headers the call's headers
	 * @param request the call
	 * @param caller the mini program the call's access token names, or {@code null}
	 * @param endpoint answers the plain call
	 * @return the reply
	 */
	WeChatReply answer(Api api, String urlpath, Headers headers, WeChatRequest request, @Nullable String caller,
			Function<WeChatRequest, WeChatReply> endpoint) {
		if (!SECURED.contains(api)) {
			return endpoint.apply(request);
		}
		String appid = headers.getFirst("Wechatmp-Appid");
		if (appid == null) {
			// a plain call: refused once its mini program has API security on
			return (caller != null && this.byAppid.containsKey(caller)) ? WeChatReply.error(40233)
					: endpoint.apply(request);
		}
		AppSecurity security = this.byAppid.get(appid);
		if (security == null) {
			return WeChatReply.error((caller != null) ? 40238 : 40236);
		}
		String timestamp = headers.getFirst("Wechatmp-TimeStamp");
		String signature = headers.getFirst("Wechatmp-Signature");
		String serial = headers.getFirst("Wechatmp-Serial");
		if (timestamp == null) {
			return WeChatReply.error(40231);
		}
		if (signature == null) {
			return WeChatReply.error(40232);
		}
		if (serial == null && security.serialRequired) {
			return WeChatReply.error(40230);
		}
		if (caller != null && !caller.equals(appid)) {
			return WeChatReply.error(40237);
		}
		long ts;
		try {
			ts = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			return WeChatReply.error(40231);
		}
		if (Math.abs(this.clock.instant().getEpochSecond() - ts) > TIMESTAMP_WINDOW_SECONDS) {
			return WeChatReply.error(40240);
		}
		if ((serial != null && !serial.equals(security.appKeySn))
				|| !verify(security.appKeys.getPublic(), signedText(urlpath, appid, ts, request.body()), signature)) {
			return WeChatReply.error(40234);
		}
		String plaintext = security.open(urlpath, appid, ts, request.body());
		if (plaintext == null) {
			return WeChatReply.error(40235);
		}
		JsonNode opened = Json.readObject(plaintext);
		if (!appid.equals(text(opened, "_appid")) || !Long.toString(ts).equals(text(opened, "_timestamp"))) {
			return WeChatReply.error(40235);
		}
		WeChatReply reply = endpoint.apply(request.withBody(plaintext));
		return security.plainReplies ? reply : security.seal(urlpath, this.clock.instant().getEpochSecond(), reply);
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode member = node.get(name);
		return (member != null && member.isValueNode()) ? member.asString() : null;
	}

	static String signedText(String urlpath, String appid, long timestamp, String body) {
		return urlpath + "\n" + appid + "\n" + timestamp + "\n" + body;
	}

	static String additionalData(String urlpath, String appid, long timestamp, String symmetricSn) {
		return urlpath + "|" + appid + "|" + timestamp + "|" + symmetricSn;
	}

	static String sign(PrivateKey key, String text) {
		try {
			Signature signer = Signature.getInstance("RSASSA-PSS");
			signer.setParameter(PSS);
			signer.initSign(key);
			signer.update(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean verify(PublicKey key, String text, String signature) {
		try {
			Signature verifier = Signature.getInstance("RSASSA-PSS");
			verifier.setParameter(PSS);
			verifier.initVerify(key);
			verifier.update(text.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(Base64.getDecoder().decode(signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static byte[] randomBytes(int length) {
		return WeChatCrypto.randomBytes(length);
	}

	/** A number like the console's: 32 hexadecimal digits. */
	static String randomNumber() {
		return WeChatCrypto.randomHex(16);
	}

	private static KeyPair newAppKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One mini program's API security: the keys it shares with the fake, and the platform keys the fake
	 * signs its replies with.
	 */
	private static final class AppSecurity {

		private final String appid;

		private final SecretKey symmetricKey;

		private final String symmetricSn;

		private final KeyPair appKeys;

		private final String appKeySn;

		private volatile PlatformKeys.Key current;

		private volatile PlatformKeys.@Nullable Key deprecated;

		private volatile boolean serialRequired;

		private volatile boolean plainReplies;

		AppSecurity(String appid, SecretKey symmetricKey, String symmetricSn, KeyPair appKeys, String appKeySn,
				PlatformKeys.Key platformKey) {
			this.appid = appid;
			this.symmetricKey = symmetricKey;
			this.symmetricSn = symmetricSn;
			this.appKeys = appKeys;
			this.appKeySn = appKeySn;
			this.current = platformKey;
		}

		ApiSecurityKeys keys() {
			byte[] pkcs8 = this.appKeys.getPrivate().getEncoded();
			return new ApiSecurityKeys(this.appid, Base64.getEncoder().encodeToString(this.symmetricKey.getEncoded()),
					this.symmetricSn, Pem.encode("RSA PRIVATE KEY", Pem.pkcs1OfRsaPkcs8(pkcs8)),
					Pem.encode("PRIVATE KEY", pkcs8), this.appKeySn, this.current.certificate());
		}

		synchronized PlatformCertificate roll(PlatformKeys.Key next) {
			this.deprecated = this.current;
			this.current = next;
			return next.certificate();
		}

		@Nullable String open(String urlpath, String appid, long timestamp, String body) {
			try {
				JsonNode sealed = Json.readObject(body);
				Base64.Decoder base64 = Base64.getDecoder();
				byte[] data = base64.decode(sealed.get("data").asString());
				byte[] tag = base64.decode(sealed.get("authtag").asString());
				byte[] ciphertext = Arrays.copyOf(data, data.length + tag.length);
				System.arraycopy(tag, 0, ciphertext, data.length, tag.length);
				Cipher cipher = gcm(Cipher.DECRYPT_MODE, base64.decode(sealed.get("iv").asString()),
						additionalData(urlpath, appid, timestamp, this.symmetricSn));
				return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				return null;
			}
		}

		private Cipher gcm(int mode, byte[] iv, String additionalData) throws GeneralSecurityException {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.symmetricKey, new GCMParameterSpec(128, iv));
			cipher.updateAAD(additionalData.getBytes(StandardCharsets.UTF_8));
			return cipher;
		}

		WeChatReply seal(String urlpath, long timestamp, WeChatReply reply) {
			if (reply.status() != 200) {
				return reply;
			}
			ObjectNode plaintext = (ObjectNode) Json.readObject(reply.body());
			plaintext.put("_n", Base64.getEncoder().withoutPadding().encodeToString(randomBytes(16)));
			plaintext.put("_appid", this.appid);
			plaintext.put("_timestamp", timestamp);
			byte[] iv = randomBytes(12);
			byte[] sealed;
			try {
				sealed = gcm(Cipher.ENCRYPT_MODE, iv, additionalData(urlpath, this.appid, timestamp, this.symmetricSn))
					.doFinal(Json.write(plaintext).getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
			Base64.Encoder base64 = Base64.getEncoder();
			String body = Json.write(new SealedBody(base64.encodeToString(iv),
					base64.encodeToString(Arrays.copyOf(sealed, sealed.length - 16)),
					base64.encodeToString(Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length))));
			String signedText = signedText(urlpath, this.appid, timestamp, body);
			PlatformKeys.Key current = this.current;
			WeChatReply signed = new WeChatReply(200, WeChatReply.JSON, body)
				.withHeader("Wechatmp-Appid", this.appid)
				.withHeader("Wechatmp-TimeStamp", Long.toString(timestamp))
				.withHeader("Wechatmp-Serial", current.certificate().number())
				.withHeader("Wechatmp-Signature", sign(current.privateKey(), signedText));
			PlatformKeys.Key deprecated = this.deprecated;
			return (deprecated != null) ? signed
				.withHeader("Wechatmp-Serial-Deprecated", deprecated.certificate().number())
				.withHeader("Wechatmp-Signature-Deprecated", sign(deprecated.privateKey(), signedText)) : signed;
		}

	}

	record SealedBody(String iv, String data, String authtag) {
	}

}
