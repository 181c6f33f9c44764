package io.github.wxlogin.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.wxlogin.http.WxLoginEndpoints;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of WeChat Mini Program login. Secrets never appear in {@link #toString()}.
 *
 * @param enabled Whether to enable WeChat Mini Program login
 * @param appid Mini program's AppID, from the WeChat admin console (Development > Development Settings)
 * @param secret Mini program's AppSecret; never logged or returned
 * @param apps Mini programs served by this back end, by name; "appid" and "secret" above are the short
 * form of the one named "default", which serves logins that name no AppID
 * @param apiBaseUrl Root URL of WeChat's server API; tests and the demo point it at the fake WeChat
 * server
 * @param connectTimeout Connect timeout of every WeChat call
 * @param readTimeout Read timeout of every WeChat call
 * @param validateAppidFormat Whether an AppID that is not "wx" and 16 hexadecimal digits fails start-up;
 * tests with made-up AppIDs turn it off
 * @param http HTTP client of the WeChat calls
 * @param endpoints Login endpoints
 * @param jwt Access and refresh tokens
 * @param accessToken WeChat access token cache
 * @param store Where session keys, refresh tokens, revocations and the WeChat access token are kept
 * @param userStore Where users are kept
 * @param security Default security filter chain
 * @param profile Profile endpoint
 * @param rateLimit Limits on the login endpoints
 * @param avatar Avatar uploads: where they are kept, their limits and WeChat's image check
 * @param push WeChat message push of the mini program that "appid" and "secret" configure
 * @param sessions Login sessions of each account; the limits of every mini program that sets none of its
 * own under "apps" (each mini program's "sessions")
 * @param accounts Account lifecycle: deletion and merges on a phone conflict
 * @param appRegistry Where the mini programs are read from: the properties above only, or a database
 * table changed at run time as well
 * @param introspection Token introspection (RFC 7662) for other services
 * @param apiSecurity WeChat's API security (encrypted and signed server calls) of the mini program that
 * "appid" and "secret" configure
 * @param riskCheck WeChat's risk verdict (getuserriskrank) on each user about to get a new account
 * @param phone Phone numbers given by older clients
 */
@ConfigurationProperties("wx.login")
public record WxLoginProperties(@DefaultValue("true") boolean enabled, @Nullable String appid,
		@Nullable String secret, @Nullable Map<String, App> apps, @DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
		@DefaultValue("true") boolean validateAppidFormat, @DefaultValue Http http,
		@DefaultValue Endpoints endpoints, @DefaultValue Jwt jwt, @DefaultValue AccessToken accessToken,
		@DefaultValue Store store, @DefaultValue UserStore userStore, @DefaultValue Security security,
		@DefaultValue Profile profile, @DefaultValue RateLimit rateLimit, @DefaultValue Avatar avatar,
		@DefaultValue Push push, @DefaultValue Sessions sessions, @DefaultValue Accounts accounts,
		@DefaultValue AppRegistry appRegistry, @DefaultValue Introspection introspection,
		@DefaultValue ApiSecurity apiSecurity, @DefaultValue RiskCheck riskCheck, @DefaultValue Phone phone) {

	public WxLoginProperties {
		requirePositive("wx.login.connect-timeout", connectTimeout);
		requirePositive("wx.login.read-timeout", readTimeout);
	}

	static void requirePositive(String property, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new WxLoginPropertyException(property, "must be a positive duration",
					"Set '" + property + "' to a positive duration such as 5s, 2h or 30d.");
		}
	}

	@Override
	public String toString() {
		return "WxLoginProperties[appid=" + this.appid + ", apiBaseUrl=" + this.apiBaseUrl + "]";
	}

	/**
	 * A mini program. The secret never appears in {@link #toString()}.
	 *
	 * @param appid Mini program's AppID
	 * @param secret Mini program's AppSecret; never logged or returned
	 * @param tenant Tenant of this mini program's accounts: accounts never cross tenants; "default" when not set
	 * @param push WeChat message push of this mini program
	 * @param sessions Login sessions of each account in this mini program; those of "wx.login.sessions"
	 * when not set
	 * @param apiSecurity WeChat's API security (encrypted and signed server calls) of this mini program
	 */
	public record App(@Nullable String appid, @Nullable String secret, @Nullable String tenant,
			@DefaultValue Push push, @DefaultValue Sessions sessions, @DefaultValue ApiSecurity apiSecurity) {

		@Override
		public String toString() {
			return "App[appid=" + this.appid + "]";
		}

	}

	/**
	 * HTTP client of the WeChat calls, built with Spring Boot's {@code ClientHttpRequestFactoryBuilder}.
	 *
	 * @param proxy Outbound proxy of the WeChat calls
	 * @param maxConcurrentCalls WeChat calls one instance makes at a time (by default as many as Tomcat's
	 * worker threads); the others wait their turn, so that a burst of logins on virtual threads reuses warm
	 * connections rather than opening one each
	 * @param queueTimeout Longest wait of a WeChat call for its turn while calls come back; a WeChat that does
	 * not answer refuses the waiting calls at once
	 */
	public record Http(@DefaultValue Proxy proxy, @DefaultValue("200") int maxConcurrentCalls,
			@DefaultValue("10s") Duration queueTimeout) {

		public Http {
			if (maxConcurrentCalls < 1) {
				throw new WxLoginPropertyException("wx.login.http.max-concurrent-calls", "must be at least 1",
						"Set 'wx.login.http.max-concurrent-calls' to 1 or more, such as 200.");
			}
			requirePositive("wx.login.http.queue-timeout", queueTimeout);
		}

		/**
		 * Outbound proxy of the WeChat calls. The password never appears in {@link #toString()}.
		 *
		 * @param host Host name or address of the proxy; the calls go out directly when it is not set
		 * @param port Port of the proxy
		 * @param username User name of the proxy's Basic authentication
		 * @param password Password of the proxy's Basic authentication; never logged
		 * @param nonProxyHosts Hosts called directly rather than through the proxy, such as "localhost" or
		 * "*.example.com"
		 */
		public record Proxy(@Nullable String host, @DefaultValue("8080") int port, @Nullable String username,
				@Nullable String password, @DefaultValue List<String> nonProxyHosts) {

			@Override
			public String toString() {
				return "Proxy[host=" + this.host + ", port=" + this.port + ", username=" + this.username
						+ ", nonProxyHosts=" + this.nonProxyHosts + "]";
			}

		}

	}

	/**
	 * Login endpoints.
	 *
	 * @param basePath Path under which the login endpoints are mounted
	 */
	public record Endpoints(@DefaultValue(WxLoginEndpoints.DEFAULT_BASE_PATH) String basePath) {

		WxLoginEndpoints paths() {
			return WxLoginEndpoints.under(this.basePath);
		}

	}

	/**
	 * Access and refresh tokens.
	 *
	 * @param issuer "iss" of issued access tokens, checked on every request
	 * @param audience "aud" of issued access tokens, checked on every request; defaults to the appid
	 * @param accessTokenTtl Lifetime of an access token
	 * @param refreshTokenTtl Lifetime of a refresh token
	 * @param clockSkew Tolerance on "exp", "nbf" and "iat"
	 * @param hmacSecret HS256 signing key, at least 32 bytes; tokens then survive restarts and are
	 * valid across instances
	 * @param privateKeyLocation PEM of an RSA or EC P-256 private key (PKCS#8, PKCS#1 or SEC1, as OpenSSL
	 * writes them) that signs RS256 or ES256 tokens and whose public key is published at the JWK set
	 * endpoint; an EC key's public key is read from the key's own structure, where OpenSSL writes it, from
	 * a PUBLIC KEY or CERTIFICATE in the same PEM, or from public-key-location
	 * @param publicKeyLocation PEM of the public key (PUBLIC KEY) or X.509 certificate of the key at
	 * private-key-location, for an EC key written without its public key; optional otherwise, and checked
	 * to match the private key
	 * @param keyId "kid" header of issued tokens; defaults to the key's JWK thumbprint
	 * @param refreshReuseInterval How long after its rotation a spent refresh token presented again is
	 * answered with the same successor and a fresh access token (a reply lost on a weak network, retried)
	 * instead of revoking its session as a reuse; 0 turns it off
	 */
	public record Jwt(@DefaultValue("wxlogin") String issuer, @Nullable String audience,
			@DefaultValue("2h") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl,
			@DefaultValue("30s") Duration clockSkew, @Nullable String hmacSecret,
			@Nullable String privateKeyLocation, @Nullable String publicKeyLocation, @Nullable String keyId,
			@DefaultValue("10s") Duration refreshReuseInterval) {

		public Jwt {
			requirePositive("wx.login.jwt.access-token-ttl", accessTokenTtl);
			requirePositive("wx.login.jwt.refresh-token-ttl", refreshTokenTtl);
			if (clockSkew.isNegative()) {
				throw new WxLoginPropertyException("wx.login.jwt.clock-skew", "must not be negative",
						"Set 'wx.login.jwt.clock-skew' to a duration of zero or more, such as 30s.");
			}
			if (refreshReuseInterval.isNegative()) {
				throw new WxLoginPropertyException("wx.login.jwt.refresh-reuse-interval", "must not be negative",
						"Set 'wx.login.jwt.refresh-reuse-interval' to a duration of zero (off) or more, such as 10s.");
			}
		}

		@Override
		public String toString() {
			return "Jwt[issuer=" + this.issuer + ", audience=" + this.audience + ", privateKeyLocation="
					+ this.privateKeyLocation + ", publicKeyLocation=" + this.publicKeyLocation + "]";
		}

	}

	/**
	 * Token introspection (RFC 7662) for other services. The secrets never appear in {@link #toString()}.
	 *
	 * @param clients Secret of each service that may introspect tokens, by its client id, presented with
	 * HTTP Basic; at least 32 characters each. Introspection is off while there is none
	 */
	public record Introspection(@DefaultValue Map<String, String> clients) {

		static final int MIN_SECRET_LENGTH = 32;

		public Introspection {
			clients.forEach((client, secret) -> {
				if (secret.length() < MIN_SECRET_LENGTH) {
					throw new WxLoginPropertyException("wx.login.introspection.clients." + client,
							"is too short: a client secret needs at least " + MIN_SECRET_LENGTH + " characters",
							"Set 'wx.login.introspection.clients." + client + "' to a random secret of "
									+ MIN_SECRET_LENGTH + " characters or more, for example the output of "
									+ "'openssl rand -base64 32'.");
				}
			});
		}

		@Override
		public String toString() {
			return "Introspection[clients=" + this.clients.keySet() + "]";
		}

	}

	/**
	 * WeChat access token cache.
	 *
	 * @param refreshAhead How long before it expires the WeChat access token is fetched again
	 */
	public record AccessToken(@DefaultValue("5m") Duration refreshAhead) {

		public AccessToken {
			if (refreshAhead.isNegative()) {
				throw new WxLoginPropertyException("wx.login.access-token.refresh-ahead", "must not be negative",
						"Set 'wx.login.access-token.refresh-ahead' to a duration of zero or more, such as 5m.");
			}
		}

	}

	/**
	 * Store of session keys, refresh tokens, revocations and the WeChat access token.
	 *
	 * @param type Kind of store; "auto" uses Redis when a RedisConnectionFactory bean exists
	 * @param redis Redis store
	 * @param timeout Longest wait for an answer from Redis or the database before a request is answered
	 * with 503 "store_unavailable"; also the default of Spring Boot's Redis command and connect timeouts
	 * when those are not set
	 * @param queueTimeout Longest wait in line for one of the connection pool's connections while the
	 * database answers: a burst of logins beyond the pool's size waits this long for its turn rather than
	 * failing; a database that stops answering is still noticed within the store timeout
	 * @param warmUpTimeout Longest wait at start-up, before the web server takes requests, for the stores
	 * to be ready for the first logins (the connection pool filled to its minimum, the account tables
	 * checked, Redis connected and the scripts loaded); a store that is down then does not keep the
	 * application from starting
	 */
	public record Store(@DefaultValue("auto") StoreType type, @DefaultValue Redis redis,
			@DefaultValue("1s") Duration timeout, @DefaultValue("10s") Duration queueTimeout,
			@DefaultValue("10s") Duration warmUpTimeout) {

		public Store {
			requirePositive("wx.login.store.timeout", timeout);
			requirePositive("wx.login.store.queue-timeout", queueTimeout);
			requirePositive("wx.login.store.warm-up-timeout", warmUpTimeout);
		}

		/**
		 * Redis store.
		 *
		 * @param keyPrefix Prefix of every Redis key the starter writes
		 */
		public record Redis(@DefaultValue("wxlogin:") String keyPrefix) {

			public Redis {
				// Braces would take over the hash tags that keep related keys in one Redis Cluster slot
				if (keyPrefix.contains("{") || keyPrefix.contains("}")) {
					throw new WxLoginPropertyException("wx.login.store.redis.key-prefix", "must not contain braces",
							"Remove '{' and '}' from 'wx.login.store.redis.key-prefix', such as 'myapp:wxlogin:'.");
				}
			}

		}

		/**
		 * Kinds of state store.
		 */
		public enum StoreType {

			/** Redis when a RedisConnectionFactory bean exists, otherwise memory. */
			AUTO,

			/** Caffeine caches in this instance's memory. */
			MEMORY,

			/** Redis, shared by every instance. */
			REDIS

		}

	}

	/**
	 * Store of users.
	 *
	 * @param type Kind of user store; "auto" uses JDBC when a DataSource bean exists
	 * @param initializeSchema When to create the "wx_account" and "wx_identity" tables (and copy the users of an
	 * earlier version's "wx_user" table into them)
	 */
	public record UserStore(@DefaultValue("auto") UserStoreType type,
			@DefaultValue("embedded") SchemaInitialization initializeSchema) {

		/**
		 * When to create the user tables, as Spring Boot's own {@code initialize-schema} properties do.
		 */
		public enum SchemaInitialization {

			/** Only on an embedded database such as H2. */
			EMBEDDED,

			/** On every database; the script only creates what is missing. */
			ALWAYS,

			/** Never; the tables are managed elsewhere, for example by Flyway or Liquibase. */
			NEVER

		}

		/**
		 * Kinds of user store.
		 */
		public enum UserStoreType {

			/** JDBC when a DataSource bean exists, otherwise memory. */
			AUTO,

			/** A map in this instance's memory; users are lost on restart. */
			MEMORY,

			/** The "wx_account" and "wx_identity" tables. */
			JDBC

		}

	}

	/**
	 * Default security filter chain.
	 *
	 * @param enabled Whether to register the default security filter chain; it backs off anyway when the
	 * host declares its own
	 */
	public record Security(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * Profile endpoint.
	 *
	 * @param contentCheck Whether to check nicknames with WeChat's msgSecCheck before saving them
	 */
	public record Profile(@DefaultValue("false") boolean contentCheck) {
	}

	/**
	 * Limits on the login endpoints, per client IP address (login, refresh) and per user (phone).
	 *
	 * @param enabled Whether to limit the rate of login, refresh and phone requests
	 * @param loginPerIp Logins allowed per client IP address in each period
	 * @param refreshPerIp Token refreshes allowed per client IP address in each period
	 * @param phonePerUser Phone bindings allowed per user in each period
	 * @param period Length of the period the limits count over
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("60") int loginPerIp,
			@DefaultValue("60") int refreshPerIp, @DefaultValue("10") int phonePerUser,
			@DefaultValue("1m") Duration period) {

		public RateLimit {
			requirePositive("wx.login.rate-limit.period", period);
			if (loginPerIp < 1 || refreshPerIp < 1 || phonePerUser < 1) {
				throw new WxLoginPropertyException("wx.login.rate-limit", "has a limit below 1",
						"Set each of 'wx.login.rate-limit.login-per-ip', 'refresh-per-ip' and 'phone-per-user' to 1 "
								+ "or more, or turn the limits off with 'wx.login.rate-limit.enabled=false'.");
			}
		}

	}

	/**
	 * WeChat message push of a mini program (admin console: Development > Development Settings > Message
	 * Push, data format JSON), received at {@code <base-path>/push/<appid>}; off unless the token is set. The
	 * token and key never appear in {@link #toString()}.
	 *
	 * @param token Token entered in the admin console, 3 to 32 letters and digits; never logged
	 * @param encodingAesKey EncodingAESKey of safe mode, 43 characters; with it, only encrypted pushes are
	 * accepted; never logged
	 */
	public record Push(@Nullable String token, @Nullable String encodingAesKey) {

		@Override
		public String toString() {
			return "Push[enabled=" + (this.token != null) + "]";
		}

	}

	/**
	 * Avatar uploads ({@code POST <base-path>/profile/avatar}).
	 *
	 * @param enabled Whether to offer the avatar upload and serve the avatars kept in the directory
	 * @param directory Directory of the default store, which keeps one file per avatar
	 * @param maxSize Largest upload accepted; also the default of "spring.servlet.multipart.max-file-size"
	 * when that is not set
	 * @param maxDimension Largest width and height, in pixels, an upload's header may declare
	 * @param outputDimension Largest width and height kept; larger images are scaled down
	 * @param publicBaseUrl URL at which WeChat's servers and clients reach this application, such as
	 * "https://api.example.com"; avatar URLs start with it, and WeChat's image check needs it (off without
	 * it)
	 * @param imageCheck Whether to have WeChat check each avatar (media_check_async); the verdicts arrive by
	 * message push, so the app's push must be configured
	 * @param waitForCheck Whether an avatar becomes the profile's only once WeChat passed it, rather than at
	 * once and removed again if WeChat finds it risky
	 */
	public record Avatar(@DefaultValue("true") boolean enabled, @DefaultValue("./data/avatars") String directory,
			@DefaultValue("2MB") DataSize maxSize, @DefaultValue("4096") int maxDimension,
			@DefaultValue("640") int outputDimension, @Nullable String publicBaseUrl,
			@DefaultValue("true") boolean imageCheck, @DefaultValue("false") boolean waitForCheck) {

		public Avatar {
			if (maxSize.toBytes() < 1 || maxDimension < 1 || outputDimension < 1) {
				throw new WxLoginPropertyException("wx.login.avatar", "has a limit below 1",
						"Set 'wx.login.avatar.max-size', 'max-dimension' and 'output-dimension' to positive values.");
			}
		}

	}

	/**
	 * Login sessions of each account: each login is one, which ends on its own, with the
	 * others, when a newer login goes beyond the limit below, or when unused for the idle timeout.
	 *
	 * @param maxPerAccount How many sessions an account may hold in a mini program at once; a login beyond
	 * it ends the account's oldest sessions there, so 1 allows one device at a time; unlimited when not set
	 * @param idleTimeout How long a session may go unused (no refresh, no guarded request seen) before it
	 * ends: its next refresh is refused with the reason "idle_timeout"; a session's use is recorded at most
	 * once a minute per instance; 0 or not set for none (a session then lives as long as its refresh token);
	 * set under "wx.login.sessions" only, for every mini program
	 */
	public record Sessions(@Nullable Integer maxPerAccount, @Nullable Duration idleTimeout) {

		public Sessions {
			if (maxPerAccount != null && maxPerAccount < 1) {
				throw new WxLoginPropertyException("wx.login.sessions.max-per-account", "is below 1",
						"Set 'max-per-account' under 'wx.login.sessions' or 'wx.login.apps.<name>.sessions' to 1 or "
								+ "more (1: one device at a time), or remove it for no limit.");
			}
			if (idleTimeout != null && idleTimeout.isNegative()) {
				throw new WxLoginPropertyException("wx.login.sessions.idle-timeout", "is negative",
						"Set 'wx.login.sessions.idle-timeout' to a duration such as 7d, or to 0 for no idle timeout.");
			}
		}

		/**
		 * Return the idle timeout.
		 * @return how long a session may go unused, {@link Duration#ZERO} for no limit
		 */
		public Duration idleTimeoutOrZero() {
			return (this.idleTimeout != null) ? this.idleTimeout : Duration.ZERO;
		}

	}

	/**
	 * Account lifecycle: what {@code DELETE {base-path}/me} does, and what a phone conflict may end in.
	 *
	 * @param deletionGracePeriod How long a deleted account can still be restored by a login of its user
	 * before it is purged (its identities and phone released, its profile and avatar erased, the host told);
	 * 0 purges it at once
	 * @param purgeInterval How often each instance looks for deleted accounts whose grace period has passed;
	 * one instance at a time purges them
	 * @param phoneConflict What a phone proved by a caller whose account is not the phone's may end in:
	 * "refuse" answers 409 identity_conflict as before, "merge" lets the caller merge its account into the
	 * phone's with POST {base-path}/me/merge
	 */
	public record Accounts(@DefaultValue("7d") Duration deletionGracePeriod, @DefaultValue("1m") Duration purgeInterval,
			@DefaultValue("refuse") PhoneConflict phoneConflict) {

		public Accounts {
			if (deletionGracePeriod.isNegative()) {
				throw new WxLoginPropertyException("wx.login.accounts.deletion-grace-period", "is negative",
						"Set 'wx.login.accounts.deletion-grace-period' to 0 (purge at once) or a positive duration such "
								+ "as 7d.");
			}
			requirePositive("wx.login.accounts.purge-interval", purgeInterval);
		}

		/**
		 * What a phone conflict may end in.
		 */
		public enum PhoneConflict {

			/** 409 identity_conflict, nothing changed. */
			REFUSE,

			/** The caller may merge its account into the phone's account. */
			MERGE

		}

	}

	/**
	 * Where the mini programs are read from. With "jdbc", apps registered at run time through the
	 * {@code WxAppManager} are kept in the "wx_app" table and reach every instance within about the poll
	 * interval and a second; the apps of the properties are served as well, first and read-only. The key
	 * never appears in {@link #toString()}.
	 *
	 * @param type Kind of registry; "properties" serves the apps of "wx.login.appid" and "wx.login.apps"
	 * only, "jdbc" the "wx_app" table as well (created as "wx.login.user-store.initialize-schema" says),
	 * and then the properties may name no app at all
	 * @param encryptionKey AES-256 key that encrypts the AppSecrets and message-push settings in the
	 * "wx_app" table: the Base64 of 32 random bytes, such as "openssl rand -base64 32" prints; required
	 * with "jdbc", the same on every instance; never logged
	 * @param pollInterval How often each instance reads the "wx_app" table for changes made on the others
	 */
	public record AppRegistry(@DefaultValue("properties") AppRegistryType type, @Nullable String encryptionKey,
			@DefaultValue("1s") Duration pollInterval) {

		public AppRegistry {
			requirePositive("wx.login.app-registry.poll-interval", pollInterval);
		}

		@Override
		public String toString() {
			return "AppRegistry[type=" + this.type + ", pollInterval=" + this.pollInterval + "]";
		}

		/**
		 * Kinds of app registry.
		 */
		public enum AppRegistryType {

			/** The apps of the properties, fixed while the application runs. */
			PROPERTIES,

			/** The apps of the properties, then those of the "wx_app" table, changed at run time. */
			JDBC

		}

	}

	/**
	 * WeChat's API security of a mini program ("API 安全", admin console: Development > Development Settings >
	 * API Security): calls to the secured paths are encrypted (AES-256-GCM) and signed (RSA-PSS), and
	 * WeChat's replies verified with its platform certificate and decrypted. Off unless a key is set; then
	 * every setting below without a default is required, and checked at start-up. No key appears in
	 * {@link #toString()}.
	 *
	 * @param symmetricKey Symmetric key (AES-256) shown in the console, Base64 of 32 bytes; never logged
	 * @param symmetricSn Number (SN) of the symmetric key shown in the console
	 * @param privateKey Mini program's RSA private key whose public half is registered in the console: PEM
	 * text, or the location of a PEM file ("classpath:", "file:" or a path); PKCS#1 ("BEGIN RSA PRIVATE
	 * KEY", as the console downloads it) or PKCS#8 ("BEGIN PRIVATE KEY"); never logged
	 * @param privateKeySn Number (SN) of the mini program's key pair shown in the console
	 * @param platformCertificates WeChat's platform certificates with their console numbers: one, or two
	 * while WeChat rolls its certificate over
	 * @param sendSerial Whether each secured call carries the key pair's number as "Wechatmp-Serial"
	 * (WeChat asks for it with errcode 40230)
	 * @param securedPaths Paths of the WeChat APIs whose calls are secured; those WeChat's API security
	 * covers among the starter's calls by default
	 */
	public record ApiSecurity(@Nullable String symmetricKey, @Nullable String symmetricSn,
			@Nullable String privateKey, @Nullable String privateKeySn,
			@Nullable List<PlatformCertificate> platformCertificates, @DefaultValue("false") boolean sendSerial,
			@DefaultValue({ "/wxa/business/getuserphonenumber", "/wxa/msg_sec_check", "/wxa/media_check_async",
					"/wxa/getuserriskrank", "/wxa/business/checkencryptedmsg" }) List<String> securedPaths) {

		/**
		 * Return whether any of its settings is given, which switches API security on.
		 * @return whether API security is configured
		 */
		public boolean configured() {
			return this.symmetricKey != null || this.symmetricSn != null || this.privateKey != null
					|| this.privateKeySn != null || (this.platformCertificates != null && !this.platformCertificates.isEmpty());
		}

		@Override
		public String toString() {
			return "ApiSecurity[configured=" + configured() + ", symmetricSn=" + this.symmetricSn + ", privateKeySn="
					+ this.privateKeySn + "]";
		}

	}

	/**
	 * One of WeChat's platform certificates, as the console shows it.
	 *
	 * @param number Certificate's number in the console (not its X.509 serial number)
	 * @param certificate Certificate: PEM text, or the location of a PEM file ("classpath:", "file:" or a path)
	 */
	public record PlatformCertificate(@Nullable String number, @Nullable String certificate) {
	}

	/**
	 * WeChat's risk verdict on users about to get a new account (getuserriskrank, scene 0: registration),
	 * asked at their first silent or phone login with the client's IP address and, in a phone login, the
	 * phone number. A returning user's login never asks. The API must be enabled in the WeChat admin
	 * console (Security Center); it is free in production.
	 *
	 * @param enabled Whether to ask WeChat's verdict before creating an account
	 * @param refuseAt Lowest rank (1 to 4: 1-2 low or mild suspicion, 3 medium, 4 high) at which the login
	 * is refused with 403 "risky_user"; ranks below it are let through and recorded
	 * @param recordOnly Whether to let every user through and only record the rank
	 * @param failOpen Whether a login goes on without a verdict when WeChat gives none (the user has not
	 * used the mini program recently, 61010, or WeChat fails); refused otherwise
	 * @param testMode Whether to ask in WeChat's test mode ("is_test"), whose quota is small
	 */
	public record RiskCheck(@DefaultValue("false") boolean enabled, @DefaultValue("4") int refuseAt,
			@DefaultValue("false") boolean recordOnly, @DefaultValue("true") boolean failOpen,
			@DefaultValue("false") boolean testMode) {

		public RiskCheck {
			if (refuseAt < 1 || refuseAt > 4) {
				throw new WxLoginPropertyException("wx.login.risk-check.refuse-at", "is not a rank from 1 to 4",
						"Set 'wx.login.risk-check.refuse-at' to 1, 2, 3 or 4 (WeChat's high risk), or set "
								+ "'wx.login.risk-check.record-only=true' to refuse nobody.");
			}
		}

	}

	/**
	 * Phone numbers given by older clients as "encryptedData".
	 *
	 * @param checkEncryptedData Whether to ask WeChat (checkencryptedmsg) that it made the "encryptedData"
	 * of a phone number in the last three days before trusting it, refusing a replay of older data
	 */
	public record Phone(@DefaultValue("false") boolean checkEncryptedData) {
	}

}
