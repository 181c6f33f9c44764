package io.github.wxlogin.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A fake of WeChat's server API on a loopback port, for tests and demos: one-time login
 * and phone codes that expire, rotating session keys, stable access tokens that expire and
 * are checked on every call, msgSecCheck verdicts, asynchronous image checks whose
 * verdicts are pushed to the application's message-push URL, risk verdicts
 * (getuserriskrank), checks of legacy encrypted data, WeChat's API security (encrypted and
 * signed calls, with a platform certificate that rolls over), fault and latency injection,
 * and a count of calls per API.
 * <p>
 * The server hosts one mini program, the primary one, and more on
 * {@link #addApp(String, String) request}. Like separate mini programs on WeChat, each has
 * its own access tokens and users: a code, an access token or an openid works only in the
 * mini program it was issued in. Methods that take no AppID act on the primary one.
 * <p>
 * Mini programs change while the server runs, as they do in WeChat's admin console, so a
 * host can test its own admin flows: {@linkplain #addApp(String, String) add} one,
 * {@linkplain #resetSecret(String) reset its AppSecret}, {@linkplain #removeApp(String)
 * remove} it. Calls answered from then on see the change; a call already being answered
 * finishes with what it found.
 * <p>
 * A test plays the mini program by issuing a code for a user, then lets the application
 * log in with it:
 * <pre class="code">
 * try (FakeWeChatServer wechat = FakeWeChatServer.start()) {
 *     String code = wechat.issueLoginCode("openid-1");
 *     // point wx.login.api-base-url at wechat.baseUrl() and call POST /wx/login with the code
 * }
 * </pre>
 * Every method is safe to call while the server answers concurrent requests.
 *
 * @see AutoConfigureFakeWeChat
 * @see FakeWeChatServerExtension
 */
public final class FakeWeChatServer implements AutoCloseable {

	/**
	 * AppID of a server started with {@link #start()}.
	 */
	public static final String DEFAULT_APPID = "wxfa4e000000000001";

	private final FakeClock clock = new FakeClock();

	private final MiniPrograms apps;

	private final OneTimeCodes<LoginGrant> loginCodes = new OneTimeCodes<>(this.clock,
			() -> WeChatCrypto.randomUrlSafe(24));

	private final OneTimeCodes<PhoneGrant> phoneCodes = new OneTimeCodes<>(this.clock,
			() -> WeChatCrypto.randomHex(32));

	private final ContentVerdicts verdicts = new ContentVerdicts();

	private final UserDataFactory userData = new UserDataFactory(this.clock);

	private final MessagePush push = new MessagePush(this.clock);

	private final MediaChecks mediaChecks = new MediaChecks(this.push);

	private final SecuredApis securedApis = new SecuredApis(this.clock);

	private final RiskRankEndpoint riskRanks;

	private final CheckEncryptedMsgEndpoint encryptedMessages;

	private final WeChatRouter router;

	private final LoopbackHttpServer server;

	private FakeWeChatServer(AppCredentials credentials) {
		this.apps = new MiniPrograms(credentials, this.clock);
		this.riskRanks = new RiskRankEndpoint(this.apps);
		this.encryptedMessages = new CheckEncryptedMsgEndpoint(this.apps, this.clock);
		this.router = new WeChatRouter(Map.of(
				Api.CODE2SESSION, new Code2SessionEndpoint(this.apps, this.loginCodes),
				Api.STABLE_TOKEN, new StableTokenEndpoint(this.apps),
				Api.PHONE_NUMBER, new PhoneNumberEndpoint(this.apps, this.phoneCodes, this.clock),
				Api.MSG_SEC_CHECK, new MsgSecCheckEndpoint(this.apps, this.verdicts),
				Api.CHECK_SESSION, new CheckSessionEndpoint(this.apps),
				Api.MEDIA_CHECK_ASYNC, new MediaCheckEndpoint(this.apps, this.mediaChecks),
				Api.RISK_RANK, this.riskRanks,
				Api.CHECK_ENCRYPTED_MSG, this.encryptedMessages), this.apps::appidOf, this.securedApis);
		this.server = LoopbackHttpServer.start(this.router);
	}

	/**
	 * Start a server whose primary mini program has the AppID {@value #DEFAULT_APPID} and a
	 * random AppSecret.
	 * @return the running server
	 */
	public static FakeWeChatServer start() {
		return start(DEFAULT_APPID, WeChatCrypto.randomHex(16));
	}

	/**
	 * Start a server whose primary mini program has the given credentials.
	 * @param appid the primary mini program's AppID
	 * @param secret the primary mini program's AppSecret
	 * @return the running server
	 */
	public static FakeWeChatServer start(String appid, String secret) {
		Objects.requireNonNull(appid, "appid");
		Objects.requireNonNull(secret, "secret");
		return new FakeWeChatServer(new AppCredentials(appid, secret));
	}

	/**
	 * Move the server's time forward, for the kit's own tests: codes and tokens expire as if that much
	 * time had passed.
	 * @param duration how far
	 */
	void advanceClock(Duration duration) {
		this.clock.advance(duration);
	}

	/**
	 * Return the server's time, for the kit's own tests.
	 * @return the time the server dates codes, tokens and watermarks with
	 */
	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Stop the server and its threads. Closing twice does nothing.
	 */
	@Override
	public void close() {
		this.server.close();
		this.mediaChecks.close();
	}

	/**
	 * Return the root of the API, to use as {@code wx.login.api-base-url}.
	 * @return the URL, such as {@code http://127.0.0.1:54321}, with no trailing slash
	 */
	public String baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * Return the AppID of the primary mini program, the one the server started with.
	 * @return the AppID
	 */
	public String appid() {
		return primary().appid();
	}

	/**
	 * Return the AppSecret the primary mini program accepts now: after a
	 * {@linkplain #resetSecret(String) reset}, the new one.
	 * @return the AppSecret
	 */
	public String secret() {
		return primary().credentials().secret();
	}

	/**
	 * Host another mini program on the same base URL, with its own access tokens and
	 * users, from now on: a mini program registered in the test, whose AppID the server did
	 * not know. Calls with its AppID and a wrong AppSecret get {@code 40125}. Safe while
	 * calls are answered.
	 * @param appid the mini program's AppID
	 * @param secret the mini program's AppSecret
	 * @throws IllegalArgumentException when a mini program with that AppID is already hosted
	 * (its secret is changed with {@link #setSecret(String, String)} or
	 * {@link #resetSecret(String)}, so that a test that adds an app twice by mistake sees
	 * it), or the secret is blank
	 */
	public void addApp(String appid, String secret) {
		Objects.requireNonNull(appid, "appid");
		this.apps.add(new AppCredentials(appid, requireSecret(secret)));
	}

	/**
	 * Reset a mini program's AppSecret as the admin console's "reset AppSecret" does: a new
	 * random one, 32 lowercase hex characters, is accepted from now on and the previous one
	 * is refused at once with {@code 40125} ({@code invalid appsecret}) by
	 * {@code jscode2session} and {@code stable_token}, as a wrong secret is. Access tokens
	 * issued before stay valid until they expire or a forced refresh replaces them (WeChat
	 * does not document that a reset revokes them); users, their session keys and the
	 * codes issued stay too.
	 * @param appid the mini program's AppID
	 * @return the new AppSecret, to give the application under test
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID
	 */
	public String resetSecret(String appid) {
		String secret = WeChatCrypto.randomHex(16);
		setSecret(appid, secret);
		return secret;
	}

	/**
	 * Give a mini program a chosen AppSecret, accepted from now on; the previous one is
	 * refused with {@code 40125} as after {@link #resetSecret(String)}, and access tokens
	 * issued before stay valid as they do there.
	 * @param appid the mini program's AppID
	 * @param secret the new AppSecret
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID,
	 * or the secret is blank
	 */
	public void setSecret(String appid, String secret) {
		Objects.requireNonNull(appid, "appid");
		this.apps.get(appid).secret(requireSecret(secret));
	}

	/**
	 * Stop hosting a mini program added with {@link #addApp(String, String)}, as if it were
	 * deregistered on WeChat. From now on {@code jscode2session} and {@code stable_token}
	 * calls with its AppID get {@code 40013} ({@code invalid appid}), whatever secret they
	 * send; calls with one of its access tokens get {@code 40001}, as for a token the server
	 * never issued, so a client that fetches a token again meets the {@code 40013}. Its
	 * users, unspent codes and push URL are forgotten. Adding the AppID again hosts a new
	 * mini program with no tokens and no users.
	 * @param appid the mini program's AppID
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID,
	 * or it is the primary one, which every method without an AppID acts on
	 */
	public void removeApp(String appid) {
		Objects.requireNonNull(appid, "appid");
		this.apps.remove(appid);
		this.loginCodes.discard((grant) -> grant.appid().equals(appid));
		this.phoneCodes.discard((grant) -> grant.appid().equals(appid));
		this.push.forget(appid);
	}

	/**
	 * Issue a login code as {@code wx.login()} does for a user of the primary mini program
	 * without unionid. The user's session key rotates; the code exchanges for the new one.
	 * @param openid the user's openid
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 */
	public String issueLoginCode(String openid) {
		return issueLoginCode(openid, null);
	}

	/**
	 * Issue a login code as {@code wx.login()} does for a user of the primary mini program.
	 * The user's session key rotates; the code exchanges for the new one, and for the
	 * unionid when one is given.
	 * @param openid the user's openid
	 * @param unionid the user's unionid, or {@code null} when the mini program is not bound
	 * to an Open Platform account
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 */
	public String issueLoginCode(String openid, @Nullable String unionid) {
		return issueLoginCode(appid(), openid, unionid);
	}

	/**
	 * Issue a login code as {@code wx.login()} does in one mini program: the code exchanges
	 * only with that mini program's credentials (with another's, {@code 40029}). Give users
	 * of different mini programs different openids, as WeChat does, and the same unionid to
	 * link them.
	 * @param appid the mini program's AppID
	 * @param openid the user's openid in that mini program
	 * @param unionid the user's unionid, or {@code null} when the mini program is not bound
	 * to an Open Platform account
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID
	 */
	public String issueLoginCode(String appid, String openid, @Nullable String unionid) {
		Objects.requireNonNull(openid, "openid");
		MiniProgram app = this.apps.get(appid);
		MiniProgramUsers.User user = app.users().login(openid, unionid);
		return this.loginCodes.issue(new LoginGrant(app.appid(), openid, user.sessionKey(), unionid));
	}

	/**
	 * Issue a phone code as {@code <button open-type="getPhoneNumber">} does in the primary
	 * mini program, redeemable for any of its users.
	 * @param phoneNumber a number such as {@code 13800138000} (China), or with a leading
	 * {@code +} and country code such as {@code +85261234567}
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 */
	public String issuePhoneCode(String phoneNumber) {
		return this.phoneCodes.issue(new PhoneGrant(appid(), PhoneNumber.parse(phoneNumber), null));
	}

	/**
	 * Issue a phone code for one user of the primary mini program: a call that names
	 * another openid gets {@code 40029}.
	 * @param phoneNumber a number such as {@code 13800138000} (China), or with a leading
	 * {@code +} and country code such as {@code +85261234567}
	 * @param openid the user the code belongs to
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 */
	public String issuePhoneCode(String phoneNumber, String openid) {
		return issuePhoneCode(appid(), phoneNumber, openid);
	}

	/**
	 * Issue a phone code for one user of a mini program: a call with another mini
	 * program's access token gets {@code 40013}, a call that names another openid
	 * {@code 40029}. The reply's watermark carries that mini program's AppID.
	 * @param appid the mini program's AppID
	 * @param phoneNumber a number such as {@code 13800138000} (China), or with a leading
	 * {@code +} and country code such as {@code +85261234567}
	 * @param openid the user the code belongs to
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID
	 */
	public String issuePhoneCode(String appid, String phoneNumber, String openid) {
		Objects.requireNonNull(openid, "openid");
		MiniProgram app = this.apps.get(appid);
		return this.phoneCodes.issue(new PhoneGrant(app.appid(), PhoneNumber.parse(phoneNumber), openid));
	}

	/**
	 * Issue the two codes of a phone-number login in the primary mini program, as its login
	 * page gets them: a {@code wx.login()} code for the user and a phone code for the number.
	 * The result is the body of {@code POST /wx/login/phone} as it is:
	 * {@code client.post("/wx/login/phone", fake.issuePhoneLoginCodes("openid-1", "13800138000"))}.
	 * @param openid the user's openid
	 * @param phoneNumber the phone number, as for {@link #issuePhoneCode(String)}
	 * @return the codes, each valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 */
	public PhoneLoginCodes issuePhoneLoginCodes(String openid, String phoneNumber) {
		return issuePhoneLoginCodes(appid(), openid, null, phoneNumber);
	}

	/**
	 * Issue the two codes of a phone-number login in a mini program, as its login page gets
	 * them; the result names the mini program, so it is the body of {@code POST /wx/login/phone}
	 * of a server that serves several.
	 * @param appid the mini program's AppID
	 * @param openid the user's openid in that mini program
	 * @param unionid the user's unionid, or {@code null} when the mini program is not bound
	 * to an Open Platform account
	 * @param phoneNumber the phone number, as for {@link #issuePhoneCode(String)}
	 * @return the codes, each valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID
	 */
	public PhoneLoginCodes issuePhoneLoginCodes(String appid, String openid, @Nullable String unionid,
			String phoneNumber) {
		String loginCode = issueLoginCode(appid, openid, unionid);
		String phoneCode = issuePhoneCode(appid, phoneNumber, openid);
		return new PhoneLoginCodes(loginCode, phoneCode, appid.equals(appid()) ? null : appid);
	}

	/**
	 * Encrypt a phone number with the user's current session key, as older clients receive
	 * it, watermarked with the primary mini program's AppID.
	 * @param openid a user of the primary mini program who has been issued a login code
	 * @param phoneNumber the phone number, as for {@link #issuePhoneCode(String)}
	 * @return the encrypted data and its IV
	 * @throws IllegalStateException when the user never logged in
	 */
	public EncryptedData encryptedPhoneData(String openid, String phoneNumber) {
		return encryptedPhoneData(openid, phoneNumber, appid());
	}

	/**
	 * Encrypt a phone number with the user's current session key, watermarked with the
	 * given AppID, e.g. to test that data of another mini program is refused.
	 * @param openid a user of the primary mini program who has been issued a login code
	 * @param phoneNumber the phone number, as for {@link #issuePhoneCode(String)}
	 * @param watermarkAppid the AppID of the watermark
	 * @return the encrypted data and its IV
	 * @throws IllegalStateException when the user never logged in
	 */
	public EncryptedData encryptedPhoneData(String openid, String phoneNumber, String watermarkAppid) {
		EncryptedData data = this.userData.encryptedPhone(loggedIn(primary(), openid), PhoneNumber.parse(phoneNumber),
				watermarkAppid);
		this.encryptedMessages.made(data.encryptedData(), this.clock.instant());
		return data;
	}

	/**
	 * Create what {@code wx.getUserProfile} hands an older client of the primary mini
	 * program, signed and encrypted with the user's current session key.
	 * @param openid a user of the primary mini program who has been issued a login code
	 * @param nickname the nickname
	 * @param avatarUrl the avatar URL
	 * @return the raw data, its signature, and the encrypted full profile
	 * @throws IllegalStateException when the user never logged in
	 */
	public UserProfileData userProfileData(String openid, String nickname, String avatarUrl) {
		return userProfileData(appid(), openid, nickname, avatarUrl);
	}

	/**
	 * Create what {@code wx.getUserProfile} hands an older client of a mini program, signed
	 * and encrypted with the user's current session key and watermarked with its AppID.
	 * @param appid the mini program's AppID
	 * @param openid a user of that mini program who has been issued a login code
	 * @param nickname the nickname
	 * @param avatarUrl the avatar URL
	 * @return the raw data, its signature, and the encrypted full profile
	 * @throws IllegalStateException when the user never logged in to that mini program
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID
	 */
	public UserProfileData userProfileData(String appid, String openid, String nickname, String avatarUrl) {
		MiniProgram app = this.apps.get(appid);
		return this.userData.userProfile(loggedIn(app, openid), nickname, avatarUrl, app.appid());
	}

	/**
	 * Return the current session key of a user of the primary mini program.
	 * @param openid the user's openid
	 * @return the Base64 session key, or {@code null} when the user never logged in
	 */
	public @Nullable String sessionKeyOf(String openid) {
		return sessionKeyOf(appid(), openid);
	}

	/**
	 * Return the current session key of a user of a mini program.
	 * @param appid the mini program's AppID
	 * @param openid the user's openid in that mini program
	 * @return the Base64 session key, or {@code null} when the user never logged in to that
	 * mini program
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID
	 */
	public @Nullable String sessionKeyOf(String appid, String openid) {
		MiniProgramUsers.User user = this.apps.get(appid).users().find(openid);
		return (user != null) ? user.sessionKey() : null;
	}

	/**
	 * Set the lifetime of login and phone codes issued from now on (5 minutes by default).
	 * @param lifetime the lifetime
	 */
	public void codeLifetime(Duration lifetime) {
		this.loginCodes.lifetime(lifetime);
		this.phoneCodes.lifetime(lifetime);
	}

	/**
	 * Set the lifetime of access tokens issued from now on (7200 seconds by default), the
	 * {@code expires_in} of {@code stable_token}, in every mini program. A token is renewed
	 * in its last 5 minutes, or its last 24th when that is shorter.
	 * @param lifetime the lifetime
	 */
	public void accessTokenLifetime(Duration lifetime) {
		this.apps.tokenLifetime(lifetime);
	}

	/**
	 * Reject the primary mini program's current access token with {@code 40001} from now
	 * on, as if another party had force-refreshed it: normal-mode {@code stable_token}
	 * hands out a new token.
	 */
	public void invalidateAccessToken() {
		invalidateAccessToken(appid());
	}

	/**
	 * Reject a mini program's current access token with {@code 40001} from now on, as if
	 * another party had force-refreshed it: normal-mode {@code stable_token} hands out a new
	 * token. The tokens of other mini programs keep working.
	 * @param appid the mini program's AppID
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID
	 */
	public void invalidateAccessToken(String appid) {
		this.apps.get(appid).tokens().invalidateCurrent();
	}

	/**
	 * Reject the primary mini program's current access token with {@code 40001} from now on
	 * while normal-mode {@code stable_token} keeps handing it out: only
	 * {@code force_refresh} gives a working token. Issues a token first when there is none.
	 */
	public void staleAccessToken() {
		staleAccessToken(appid());
	}

	/**
	 * Reject a mini program's current access token with {@code 40001} from now on while
	 * normal-mode {@code stable_token} keeps handing it out: only {@code force_refresh}
	 * gives a working token. Issues a token first when there is none.
	 * @param appid the mini program's AppID
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID
	 */
	public void staleAccessToken(String appid) {
		this.apps.get(appid).tokens().staleCurrent();
	}

	/**
	 * Give content containing a word another msgSecCheck suggestion than {@code pass}.
	 * When several words match, the harshest suggestion wins.
	 * @param word the word to look for
	 * @param suggest {@code pass}, {@code review} or {@code risky}
	 */
	public void contentVerdict(String word, String suggest) {
		this.verdicts.put(word, suggest);
	}

	/**
	 * Push the primary mini program's events to an application in plain mode, as the
	 * admin console's Message Push setting does: JSON signed with the token.
	 * @param url the application's push URL, such as {@code http://127.0.0.1:8080/wx/push/wx...}
	 * @param token the token configured on both sides
	 */
	public void messagePush(String url, String token) {
		messagePush(appid(), url, token, null);
	}

	/**
	 * Push the primary mini program's events to an application in safe mode: encrypted
	 * with the EncodingAESKey and signed with the token.
	 * @param url the application's push URL
	 * @param token the token configured on both sides
	 * @param encodingAesKey the 43-character EncodingAESKey configured on both sides
	 */
	public void messagePush(String url, String token, String encodingAesKey) {
		messagePush(appid(), url, token, encodingAesKey);
	}

	/**
	 * Push a mini program's events to an application, replacing any earlier setting.
	 * @param appid the mini program's AppID
	 * @param url the application's push URL
	 * @param token the token configured on both sides
	 * @param encodingAesKey the 43-character EncodingAESKey for safe mode, or {@code null}
	 * for plain mode
	 * @throws IllegalArgumentException when the server hosts no mini program with that AppID,
	 * or the key is not 43 Base64 characters
	 */
	public void messagePush(String appid, String url, String token, @Nullable String encodingAesKey) {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(token, "token");
		if (encodingAesKey != null && !encodingAesKey.matches("[A-Za-z0-9+/]{43}")) {
			throw new IllegalArgumentException("An EncodingAESKey is 43 Base64 characters");
		}
		this.push.target(this.apps.get(appid).appid(), new PushTarget(url, token, encodingAesKey));
	}

	/**
	 * Return the {@code media_check_async} calls accepted, oldest first.
	 * @return the checks since the start or the last reset
	 */
	public List<MediaCheck> mediaChecks() {
		return this.mediaChecks.accepted();
	}

	/**
	 * Push the verdict of an accepted image check now, as a {@code wxa_media_check} event
	 * to its mini program's push URL, and wait for the application's answer.
	 * @param traceId the trace id the check was answered with
	 * @param suggest {@code pass}, {@code review} or {@code risky}
	 * @return the application's answer
	 * @throws IllegalArgumentException when no accepted check has that trace id
	 * @throws IllegalStateException when no push URL is configured for its mini program
	 */
	public PushDelivery pushMediaCheckVerdict(String traceId, String suggest) {
		return this.mediaChecks.verdict(traceId, suggest);
	}

	/**
	 * Push a verdict for every image check accepted from now on, after a delay (none are
	 * pushed by default: tests push them with {@link #pushMediaCheckVerdict}).
	 * @param suggest {@code pass}, {@code review} or {@code risky}, or {@code null} to stop
	 * @param delay how long after the call the verdict is pushed
	 */
	public void mediaCheckVerdicts(@Nullable String suggest, Duration delay) {
		this.mediaChecks.automatic(suggest, delay);
	}

	/**
	 * Push any event to a mini program's push URL, such as one the starter has no type for.
	 * @param appid the mini program's AppID
	 * @param event the event's members ({@code MsgType}, {@code Event}, ...)
	 * @return the application's answer
	 * @throws IllegalStateException when no push URL is configured for the mini program
	 */
	public PushDelivery pushEvent(String appid, Map<String, ?> event) {
		return this.push.push(this.apps.get(appid).appid(), event);
	}

	/**
	 * Set WeChat's risk verdict ({@code getuserriskrank}) on a user of any mini program; 0 (no risk
	 * seen) unless set.
	 * @param openid the user
	 * @param rank 0 to 4
	 */
	public void riskRank(String openid, int rank) {
		if (rank < 0 || rank > 4) {
			throw new IllegalArgumentException("A risk rank is 0 to 4, not " + rank);
		}
		this.riskRanks.rank(openid, rank);
	}

	/**
	 * Make WeChat have no risk verdict on a user: {@code getuserriskrank} answers errcode 61010 (the user
	 * has not used the mini program recently).
	 * @param openid the user
	 */
	public void noRiskVerdict(String openid) {
		this.riskRanks.rank(openid, RiskRankEndpoint.NO_VERDICT);
	}

	/**
	 * Return the {@code getuserriskrank} calls received, oldest first.
	 * @return the calls since the start or the last reset
	 */
	public List<RiskRankRequest> riskRankRequests() {
		return this.riskRanks.requests();
	}

	/**
	 * Turn WeChat's API security on for the primary mini program, as its admin would in the console:
	 * from now on, calls to the secured APIs (phone number, msgSecCheck, mediaCheckAsync,
	 * getuserriskrank, checkencryptedmsg) must be encrypted and signed, and their replies are.
	 * @return the keys and certificate the starter needs, made fresh
	 * @see #enableApiSecurity(String)
	 */
	public ApiSecurityKeys enableApiSecurity() {
		return enableApiSecurity(appid());
	}

	/**
	 * Turn WeChat's API security on for a mini program, with new keys and a new platform certificate.
	 * A plain call to a secured API is then refused with errcode 40233, a call signed with another key
	 * with 40234, one encrypted with another key or key number with 40235, one whose timestamp is more
	 * than five minutes off with 40240. To have WeChat refuse a call with any other 4023x errcode, use
	 * {@link #failNext(Api, Fault, int)} with {@link Fault#errcode(int)}: such errors are answered plainly,
	 * as WeChat does.
	 * @param appid a hosted mini program
	 * @return the keys and certificate the starter needs
	 */
	public ApiSecurityKeys enableApiSecurity(String appid) {
		return this.securedApis.enable(this.apps.get(appid).appid());
	}

	/**
	 * Turn WeChat's API security off for a mini program: its calls are plain again.
	 * @param appid a hosted mini program
	 */
	public void disableApiSecurity(String appid) {
		this.securedApis.disable(appid);
	}

	/**
	 * Start rolling a mini program's platform certificate over, as WeChat does before one expires:
	 * replies are signed with a new certificate ({@code Wechatmp-Serial}) and still with the old one
	 * ({@code Wechatmp-Serial-Deprecated}) until {@link #finishPlatformCertificateRollOver(String)}.
	 * @param appid a mini program with API security on
	 * @return the new certificate, with its number
	 */
	public PlatformCertificate rollPlatformCertificate(String appid) {
		return this.securedApis.rollPlatformCertificate(appid);
	}

	/**
	 * End a roll-over: replies are signed with the new certificate only.
	 * @param appid a mini program with API security on
	 */
	public void finishPlatformCertificateRollOver(String appid) {
		this.securedApis.finishRollOver(appid);
	}

	/**
	 * Require the app key's number in {@code Wechatmp-Serial} on each secured call (errcode 40230 without
	 * it), as some of WeChat's APIs do.
	 * @param appid a mini program with API security on
	 * @param required whether the header is required
	 */
	public void requireApiSecuritySerial(String appid, boolean required) {
		this.securedApis.requireSerial(appid, required);
	}

	/**
	 * Answer the secured calls of a mini program with plain replies, as a man in the middle who strips
	 * the encryption would: the starter must refuse them as a downgrade.
	 * @param appid a mini program with API security on
	 * @param plainly whether replies are plain
	 */
	public void answerSecuredCallsPlainly(String appid, boolean plainly) {
		this.securedApis.answerPlainly(appid, plainly);
	}

	/**
	 * Answer the next calls of an API with a fault. Faulted calls are counted; faults
	 * scheduled for the same API apply one after another.
	 * @param api the API
	 * @param fault the fault
	 * @param times how many calls get the fault, at least 1
	 */
	public void failNext(Api api, Fault fault, int times) {
		this.router.faults().add(api, fault, times);
	}

	/**
	 * Delay every reply (none by default).
	 * @param latency how long each call waits before it is answered
	 */
	public void latency(Duration latency) {
		this.router.latency(latency);
	}

	/**
	 * Return how many calls of an API the server received for all mini programs, including
	 * faulted ones.
	 * @param api the API
	 * @return the count since the start or the last reset
	 */
	public int callCount(Api api) {
		return this.router.callCounts().total(api);
	}

	/**
	 * Return how many calls of an API the server received for one mini program, including
	 * faulted ones: calls that sent its AppID, or an access token issued to it.
	 * @param appid the mini program's AppID
	 * @param api the API
	 * @return the count since the start or the last reset
	 */
	public int callCount(String appid, Api api) {
		return this.router.callCounts().of(appid, api);
	}

	/**
	 * Return how the last call of an API reached the server: its method, whether its body
	 * came with a {@code Content-Length} or chunked, and its {@code User-Agent}.
	 * @param api the API
	 * @return the last call since the start or the last reset, or {@code null} when there
	 * was none
	 */
	public @Nullable RecordedRequest lastRequest(Api api) {
		return this.router.lastRequest(api);
	}

	/**
	 * Set every call count back to zero and forget the last calls.
	 */
	public void resetCounts() {
		this.router.callCounts().reset();
		this.router.forgetRequests();
	}

	/**
	 * Forget scheduled faults, latency, content verdicts, risk verdicts and calls, image checks
	 * and their automatic verdicts, and call counts, and restore the default code and
	 * access-token lifetimes. Hosted mini programs and their current AppSecrets, users, their
	 * session keys, issued codes, access tokens, push URLs and API security are kept.
	 */
	public void reset() {
		this.mediaChecks.clear();
		this.riskRanks.reset();
		this.router.faults().clear();
		this.router.latency(Duration.ZERO);
		resetCounts();
		this.verdicts.clear();
		codeLifetime(OneTimeCodes.DEFAULT_LIFETIME);
		accessTokenLifetime(StableAccessTokens.DEFAULT_LIFETIME);
	}

	@Override
	public String toString() {
		return "FakeWeChatServer[" + baseUrl() + ", appid=" + appid() + "]";
	}

	private MiniProgram primary() {
		return this.apps.primary();
	}

	private static String requireSecret(String secret) {
		Objects.requireNonNull(secret, "secret");
		if (secret.isBlank()) {
			throw new IllegalArgumentException("An AppSecret must not be blank");
		}
		return secret;
	}

	private static MiniProgramUsers.User loggedIn(MiniProgram app, String openid) {
		MiniProgramUsers.User user = app.users().find(openid);
		if (user == null) {
			throw new IllegalStateException(
					"User " + openid + " never logged in to " + app.appid() + ": issue a login code first");
		}
		return user;
	}

}
