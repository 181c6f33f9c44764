package io.github.wxlogin.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a family's session hash in Redis ({@code refresh-family:{<familyId>}:session}), written
 * at login and read for the session list. Fields the login did not tell are left out.
 */
final class RedisSessionFields {

	private static final String USER = "user";

	private static final String OPENID = "openid";

	private static final String APPID = "appid";

	private static final String CREATED = "created";

	private static final String USED = "used";

	private static final String EXPIRES = "expires";

	private static final String IP = "ip";

	private static final String USER_AGENT = "ua";

	private static final String MODEL = "model";

	private static final String PLATFORM = "platform";

	private static final String SYSTEM = "system";

	private RedisSessionFields() {
	}

	/**
	 * The fields and values of a new session, in turn.
	 */
	static List<String> write(RefreshTokenGrant grant, WxLoginOrigin origin, long nowMillis) {
		List<String> fields = new ArrayList<>(List.of(USER, grant.subject().userId(), OPENID, grant.subject().openid(),
				APPID, grant.subject().appid(), CREATED, Long.toString(nowMillis), USED, Long.toString(nowMillis),
				EXPIRES, Long.toString(grant.expiresAt().toEpochMilli())));
		add(fields, IP, origin.ip());
		add(fields, USER_AGENT, origin.userAgent());
		WxLoginDevice device = origin.device();
		if (device != null) {
			add(fields, MODEL, device.model());
			add(fields, PLATFORM, device.platform());
			add(fields, SYSTEM, device.system());
		}
		return fields;
	}

	/**
	 * The session of a family, or empty when its hash is gone or incomplete.
	 */
	static Optional<WxLoginSession> read(String familyId, Map<String, String> fields) {
		String user = fields.get(USER);
		String appid = fields.get(APPID);
		Instant created = instant(fields.get(CREATED));
		Instant used = instant(fields.get(USED));
		Instant expires = instant(fields.get(EXPIRES));
		if (user == null || appid == null || created == null || used == null || expires == null) {
			return Optional.empty();
		}
		return Optional.of(new WxLoginSession(SessionIds.of(familyId), user, appid, created, used, expires,
				fields.get(IP), fields.get(USER_AGENT),
				WxLoginDevice.of(fields.get(MODEL), fields.get(PLATFORM), fields.get(SYSTEM))));
	}

	private static void add(List<String> fields, String field, @Nullable String value) {
		if (value != null) {
			fields.add(field);
			fields.add(value);
		}
	}

	private static @Nullable Instant instant(@Nullable String epochMillis) {
		return (epochMillis != null) ? Instant.ofEpochMilli(Long.parseLong(epochMillis)) : null;
	}

}
