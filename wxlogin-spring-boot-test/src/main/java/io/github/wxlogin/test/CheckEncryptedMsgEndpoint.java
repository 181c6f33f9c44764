package io.github.wxlogin.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /wxa/business/checkencryptedmsg}: whether the fake made an {@code encryptedData} (known by
 * the hex SHA-256 of its Base64 text) in the last three days; errcode 1 for data it does not know or made
 * earlier.
 */
final class CheckEncryptedMsgEndpoint implements WeChatEndpoint {

	private static final Duration KEPT_FOR = Duration.ofDays(3);

	private static final int UNKNOWN_OR_OLD = 1;

	private final MiniPrograms apps;

	private final Clock clock;

	private final Map<String, Instant> made = new ConcurrentHashMap<>();

	CheckEncryptedMsgEndpoint(MiniPrograms apps, Clock clock) {
		this.apps = apps;
		this.clock = clock;
	}

	void made(String encryptedData, Instant at) {
		this.made.put(WeChatCrypto.sha256Hex(encryptedData), at);
	}

	@Override
	public WeChatReply answer(WeChatRequest request) {
		this.apps.authorize(request.param("access_token"));
		String hash = request.bodyText("encrypted_msg_hash");
		if (hash == null) {
			throw new WeChatApiError(47001);
		}
		Instant at = this.made.get(hash);
		if (at == null || at.isBefore(this.clock.instant().minus(KEPT_FOR))) {
			throw new WeChatApiError(UNKNOWN_OR_OLD);
		}
		return WeChatReply.json(new Check(0, "ok", true, at.getEpochSecond()));
	}

	record Check(int errcode, String errmsg, boolean vaild, @JsonProperty("create_time") long createTime) {
	}

}
