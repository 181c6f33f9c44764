package io.github.wxlogin.wechat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import javax.crypto.AEADBadTagException;

import io.github.wxlogin.wechat.WxApiCalls.Reply;
import io.github.wxlogin.wechat.WxApiException.Reason;
import io.github.wxlogin.wechat.WxApiSealing.SealedRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient.RequestBodySpec;
import org.springframework.web.util.UriBuilder;

/**
 * Calls to the paths WeChat's API security covers: each request sealed (encrypted and signed) with the
 * app's keys, each reply verified with the platform certificate its {@code Wechatmp-Serial} (or, while
 * WeChat rolls its certificate over, {@code Wechatmp-Serial-Deprecated}) names, then decrypted. A plain
 * success reply is refused as a downgrade; a plain error reply is WeChat refusing the call, often the
 * security layer itself (4023x), which is a configuration error naming the setting to fix.
 */
final class WxSecuredCalls {

	/** How far a reply's timestamp may be from this server's clock; WeChat documents no window. */
	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(WxSecuredCalls.class);

	private final WxApiCalls calls;

	private final Clock clock;

	/** The new platform certificates already reported as missing, so that each is reported once. */
	private final Set<String> reportedNewCertificates = ConcurrentHashMap.newKeySet();

	WxSecuredCalls(WxApiCalls calls, Clock clock) {
		this.calls = calls;
		this.clock = clock;
	}

	/**
	 * Make a secured POST call.
	 * @param api the API's name
	 * @param app the mini program, whose API security is on
	 * @param security its settings
	 * @param uri the call's URI, with the access token in its query
	 * @param fields the call's own body fields
	 * @return the decrypted reply, whose errcode is 0
	 */
	Map<String, Object> post(String api, WxApp app, WxApiSecurity security, Function<UriBuilder, URI> uri,
			Map<String, ?> fields) {
		AtomicReference<String> urlpath = new AtomicReference<>();
		return this.calls.call(api, () -> {
			RequestBodySpec request = this.calls.restClient().post().uri((builder) -> {
				URI target = uri.apply(builder);
				urlpath.set(urlpath(target));
				return target;
			});
			// the client builds the URI when given it: the signature covers its scheme, host and path
			String target = urlpath.get();
			Assert.state(target != null, "the call's URI is not built yet");
			SealedRequest sealed = WxApiSealing.seal(security, app.appid(), target, fields,
					this.clock.instant().getEpochSecond());
			return request.headers((headers) -> {
				headers.setContentType(MediaType.APPLICATION_JSON);
				headers.set(WxApiSealing.APPID, app.appid());
				headers.set(WxApiSealing.TIMESTAMP, sealed.timestamp());
				headers.set(WxApiSealing.SIGNATURE, sealed.signature());
				if (security.sendSerial()) {
					headers.set(WxApiSealing.SERIAL, security.appKeySn());
				}
			}).body(sealed.body().getBytes(StandardCharsets.UTF_8));
		}, (reply) -> open(api, app, security, urlpath.get(), reply));
	}

	/**
	 * Verify and decrypt a reply, or read a plain one: an error is passed on, a success refused.
	 */
	Map<String, Object> open(String api, WxApp app, WxApiSecurity security, @Nullable String urlpath,
			Reply reply) {
		Assert.state(urlpath != null, "the call's URI was never built");
		HttpHeaders headers = reply.headers();
		if (headers.getFirst(WxApiSealing.SIGNATURE) == null) {
			Map<String, Object> plain = this.calls.json(api, reply.body());
			int errcode = (int) WxApiCalls.number(plain, "errcode");
			if (WxErrcodes.isApiSecurityError(errcode)) {
				throw WxErrcodes.apiSecurityError(api, app.appid(), security.settingsName(), errcode,
						(plain.get("errmsg") instanceof String errmsg) ? errmsg : "");
			}
			if (errcode == 0) {
				logger.error("WeChat's reply to " + api + " for " + app.appid() + " is neither signed nor encrypted: "
						+ "refused as a downgrade. If WeChat does not secure this API, remove its path from '"
						+ security.settingsName() + ".secured-paths'.");
				throw WxApiCalls.badResponse(api, "a plain reply on a secured path");
			}
			return plain;
		}
		long timestamp = timestampOf(api, headers);
		if (!app.appid().equals(headers.getFirst(WxApiSealing.APPID))) {
			throw WxApiCalls.badResponse(api, "the reply is for another AppID");
		}
		verify(api, app, security, signedText(urlpath, app.appid(), timestamp, reply.body()), headers);
		Map<String, Object> sealed = this.calls.json(api, reply.body());
		byte[] plaintext;
		try {
			Base64.Decoder base64 = Base64.getDecoder();
			byte[] data = base64.decode(required(api, sealed, "data"));
			byte[] tag = base64.decode(required(api, sealed, "authtag"));
			byte[] ciphertext = new byte[data.length + tag.length];
			System.arraycopy(data, 0, ciphertext, 0, data.length);
			System.arraycopy(tag, 0, ciphertext, data.length, tag.length);
			plaintext = WxApiSealing.decrypt(security.symmetricKey(), base64.decode(required(api, sealed, "iv")),
					WxApiSealing.additionalData(urlpath, app.appid(), timestamp, security.symmetricSn()), ciphertext);
		}
		catch (IllegalArgumentException ex) {
			throw WxApiCalls.badResponse(api, "the reply's iv, data or authtag is not Base64");
		}
		catch (AEADBadTagException ex) {
			throw configError(api, app, "WeChat's signed reply does not decrypt with '" + security.settingsName()
					+ ".symmetric-key' and '" + security.settingsName() + ".symmetric-sn'; copy both from the WeChat "
					+ "admin console (Development > Development Settings > API Security)");
		}
		Map<String, Object> opened = this.calls.json(api, new String(plaintext, StandardCharsets.UTF_8));
		if (!app.appid().equals(opened.get("_appid")) || WxApiCalls.number(opened, "_timestamp") != timestamp) {
			throw WxApiCalls.badResponse(api, "the decrypted reply's _appid or _timestamp does not match its headers");
		}
		opened.remove("_n");
		opened.remove("_appid");
		opened.remove("_timestamp");
		return opened;
	}

	private long timestampOf(String api, HttpHeaders headers) {
		String value = headers.getFirst(WxApiSealing.TIMESTAMP);
		long timestamp;
		try {
			timestamp = Long.parseLong((value != null) ? value.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw WxApiCalls.badResponse(api, "the signed reply has no valid " + WxApiSealing.TIMESTAMP);
		}
		long skew = Math.abs(this.clock.instant().getEpochSecond() - timestamp);
		if (skew > CLOCK_TOLERANCE.toSeconds()) {
			throw WxApiCalls.badResponse(api, "the reply's timestamp is " + skew + " s away from this server's clock; "
					+ "check the server's time (NTP)");
		}
		return timestamp;
	}

	/**
	 * Verify the reply's signature with the platform certificate that made it: the current one, or the
	 * deprecated one while WeChat rolls its certificate over.
	 */
	private void verify(String api, WxApp app, WxApiSecurity security, String signedText, HttpHeaders headers) {
		String serial = headers.getFirst(WxApiSealing.SERIAL);
		String deprecatedSerial = headers.getFirst(WxApiSealing.DEPRECATED_SERIAL);
		String certificates = "'" + security.settingsName() + ".platform-certificates'";
		if (serial != null && security.platformKeys().containsKey(serial)) {
			requireValid(api, app, security, serial, signedText, headers.getFirst(WxApiSealing.SIGNATURE),
					certificates);
			return;
		}
		if (deprecatedSerial != null && security.platformKeys().containsKey(deprecatedSerial)) {
			requireValid(api, app, security, deprecatedSerial, signedText,
					headers.getFirst(WxApiSealing.DEPRECATED_SIGNATURE), certificates);
			if (serial != null && this.reportedNewCertificates.add(app.appid() + "/" + serial)) {
				logger.warn("WeChat is rolling over its platform certificate for " + app.appid() + ": it signs with "
						+ "the new certificate numbered " + serial + " and still with " + deprecatedSerial
						+ ", which expires soon. Download the new certificate in the WeChat admin console (Development "
						+ "> Development Settings > API Security) and add it to " + certificates + ".");
			}
			return;
		}
		throw configError(api, app, "WeChat signed the reply with the platform certificate numbered " + serial
				+ ((deprecatedSerial != null) ? " (and " + deprecatedSerial + ")" : "")
				+ ", which is not among " + certificates + " " + security.platformKeys().keySet()
				+ "; download it in the WeChat admin console (Development > Development Settings > API Security) and "
				+ "add it with its number");
	}

	private void requireValid(String api, WxApp app, WxApiSecurity security, String serial, String signedText,
			@Nullable String signature, String certificates) {
		if (signature == null || !WxApiSealing.verify(security.platformKeys().get(serial), signedText, signature)) {
			throw configError(api, app, "the reply's signature does not verify with the platform certificate "
					+ "numbered " + serial + " of " + certificates + ": the certificate given under that number is "
					+ "not WeChat's (copy it again from the admin console), or the reply was altered on the way");
		}
	}

	private static String signedText(String urlpath, String appid, long timestamp, String body) {
		return WxApiSealing.signedText(urlpath, appid, timestamp, body);
	}

	private static String required(String api, Map<String, Object> node, String field) {
		return WxApiCalls.required(api, node, field);
	}

	private static WxApiException configError(String api, WxApp app, String remedy) {
		logger.error("WeChat API security of " + app.appid() + " failed on " + api + ": " + remedy + ".");
		return new WxApiException(Reason.CONFIG_ERROR, api, WxApiException.NO_ERRCODE, remedy);
	}

	/** Scheme, host, port and path of a call: the {@code urlpath} WeChat signs and authenticates. */
	static String urlpath(URI uri) {
		return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
	}

}
