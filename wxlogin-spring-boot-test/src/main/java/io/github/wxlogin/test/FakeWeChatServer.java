package io.github.wxlogin.test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A fake of WeChat's server API on a loopback port, for tests and demos: one-time login
 * and phone codes that expire, rotating session keys, stable access tokens that expire and
 * are checked on every call, msgSecCheck verdicts, fault and latency injection, and a count
 * of calls per API.
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
	public static final String DEFAULT_APPID = "wxfake0000000001";

	private final AppCredentials credentials;

	private final Clock clock = Clock.systemUTC();

	private final MiniProgramUsers users = new MiniProgramUsers();

	private final OneTimeCodes<LoginGrant> loginCodes = new OneTimeCodes<>(this.clock,
			() -> WeChatCrypto.randomUrlSafe(24));

	private final OneTimeCodes<PhoneGrant> phoneCodes = new OneTimeCodes<>(this.clock,
			() -> WeChatCrypto.randomHex(32));

	private final StableAccessTokens tokens = new StableAccessTokens(this.clock);

	private final ContentVerdicts verdicts = new ContentVerdicts();

	private final UserDataFactory userData;

	private final WeChatRouter router;

	private final LoopbackHttpServer server;

	private FakeWeChatServer(AppCredentials credentials) {
		this.credentials = credentials;
		this.userData = new UserDataFactory(credentials.appid(), this.clock);
		this.router = new WeChatRouter(Map.of(
				Api.CODE2SESSION, new Code2SessionEndpoint(credentials, this.loginCodes),
				Api.STABLE_TOKEN, new StableTokenEndpoint(credentials, this.tokens),
				Api.PHONE_NUMBER,
				new PhoneNumberEndpoint(credentials.appid(), this.tokens, this.phoneCodes, this.clock),
				Api.MSG_SEC_CHECK, new MsgSecCheckEndpoint(this.tokens, this.users, this.verdicts),
				Api.CHECK_SESSION, new CheckSessionEndpoint(this.tokens, this.users)));
		this.server = LoopbackHttpServer.start(this.router);
	}

	/**
	 * Start a server for the AppID {@value #DEFAULT_APPID} and a random AppSecret.
	 * @return the running server
	 */
	public static FakeWeChatServer start() {
		return start(DEFAULT_APPID, WeChatCrypto.randomHex(16));
	}

	/**
	 * Start a server that accepts the given credentials.
	 * @param appid the mini program's AppID
	 * @param secret the mini program's AppSecret
	 * @return the running server
	 */
	public static FakeWeChatServer start(String appid, String secret) {
		Objects.requireNonNull(appid, "appid");
		Objects.requireNonNull(secret, "secret");
		return new FakeWeChatServer(new AppCredentials(appid, secret));
	}

	/**
	 * Stop the server and its threads. Closing twice does nothing.
	 */
	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * Return the root of the API, to use as {@code wx.login.api-base-url}.
	 * @return the URL, such as {@code http://127.0.0.1:54321}, with no trailing slash
	 */
	public String baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * Return the AppID the server accepts.
	 * @return the AppID
	 */
	public String appid() {
		return this.credentials.appid();
	}

	/**
	 * Return the AppSecret the server accepts.
	 * @return the AppSecret
	 */
	public String secret() {
		return this.credentials.secret();
	}

	/**
	 * Issue a login code as {@code wx.login()} does for a user without unionid. The user's
	 * session key rotates; the code exchanges for the new one.
	 * @param openid the user's openid
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 */
	public String issueLoginCode(String openid) {
		return issueLoginCode(openid, null);
	}

	/**
	 * Issue a login code as {@code wx.login()} does. The user's session key rotates; the
	 * code exchanges for the new one, and for the unionid when one is given.
	 * @param openid the user's openid
	 * @param unionid the user's unionid, or {@code null} when the mini program is not bound
	 * to an Open Platform account
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 */
	public String issueLoginCode(String openid, @Nullable String unionid) {
		Objects.requireNonNull(openid, "openid");
		MiniProgramUsers.User user = this.users.login(openid, unionid);
		return this.loginCodes.issue(new LoginGrant(openid, user.sessionKey(), unionid));
	}

	/**
	 * Issue a phone code as {@code <button open-type="getPhoneNumber">} does, redeemable
	 * by any caller.
	 * @param phoneNumber a number such as {@code 13800138000} (China), or with a leading
	 * {@code +} and country code such as {@code +85261234567}
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 */
	public String issuePhoneCode(String phoneNumber) {
		return this.phoneCodes.issue(new PhoneGrant(PhoneNumber.parse(phoneNumber), null));
	}

	/**
	 * Issue a phone code for one user: a call that names another openid gets {@code 40029}.
	 * @param phoneNumber a number such as {@code 13800138000} (China), or with a leading
	 * {@code +} and country code such as {@code +85261234567}
	 * @param openid the user the code belongs to
	 * @return the code, valid once for {@linkplain #codeLifetime(Duration) 5 minutes}
	 */
	public String issuePhoneCode(String phoneNumber, String openid) {
		Objects.requireNonNull(openid, "openid");
		return this.phoneCodes.issue(new PhoneGrant(PhoneNumber.parse(phoneNumber), openid));
	}

	/**
	 * Encrypt a phone number with the user's current session key, as older clients receive
	 * it, watermarked with this server's AppID.
	 * @param openid a user who has been issued a login code
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
	 * @param openid a user who has been issued a login code
	 * @param phoneNumber the phone number, as for {@link #issuePhoneCode(String)}
	 * @param watermarkAppid the AppID of the watermark
	 * @return the encrypted data and its IV
	 * @throws IllegalStateException when the user never logged in
	 */
	public EncryptedData encryptedPhoneData(String openid, String phoneNumber, String watermarkAppid) {
		return this.userData.encryptedPhone(loggedIn(openid), PhoneNumber.parse(phoneNumber), watermarkAppid);
	}

	/**
	 * Create what {@code wx.getUserProfile} hands an older client, signed and encrypted with
	 * the user's current session key.
	 * @param openid a user who has been issued a login code
	 * @param nickname the nickname
	 * @param avatarUrl the avatar URL
	 * @return the raw data, its signature, and the encrypted full profile
	 * @throws IllegalStateException when the user never logged in
	 */
	public UserProfileData userProfileData(String openid, String nickname, String avatarUrl) {
		return this.userData.userProfile(loggedIn(openid), nickname, avatarUrl);
	}

	/**
	 * Return the user's current session key.
	 * @param openid the user's openid
	 * @return the Base64 session key, or {@code null} when the user never logged in
	 */
	public @Nullable String sessionKeyOf(String openid) {
		MiniProgramUsers.User user = this.users.find(openid);
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
	 * {@code expires_in} of {@code stable_token}. A token is renewed in its last 5 minutes,
	 * or its last 24th when that is shorter.
	 * @param lifetime the lifetime
	 */
	public void accessTokenLifetime(Duration lifetime) {
		this.tokens.lifetime(lifetime);
	}

	/**
	 * Reject the current access token with {@code 40001} from now on, as if another party
	 * had force-refreshed it: normal-mode {@code stable_token} hands out a new token.
	 */
	public void invalidateAccessToken() {
		this.tokens.invalidateCurrent();
	}

	/**
	 * Reject the current access token with {@code 40001} from now on while normal-mode
	 * {@code stable_token} keeps handing it out: only {@code force_refresh} gives a working
	 * token. Issues a token first when there is none.
	 */
	public void staleAccessToken() {
		this.tokens.staleCurrent();
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
	 * Return how many calls of an API the server received, including faulted ones.
	 * @param api the API
	 * @return the count since the start or the last reset
	 */
	public int callCount(Api api) {
		return this.router.callCount(api);
	}

	/**
	 * Set every call count back to zero.
	 */
	public void resetCounts() {
		this.router.resetCounts();
	}

	/**
	 * Forget scheduled faults, latency, content verdicts and call counts, and restore the
	 * default code and access-token lifetimes. Users, their session keys, issued codes and
	 * access tokens are kept.
	 */
	public void reset() {
		this.router.faults().clear();
		this.router.latency(Duration.ZERO);
		this.router.resetCounts();
		this.verdicts.clear();
		codeLifetime(OneTimeCodes.DEFAULT_LIFETIME);
		accessTokenLifetime(StableAccessTokens.DEFAULT_LIFETIME);
	}

	@Override
	public String toString() {
		return "FakeWeChatServer[" + baseUrl() + ", appid=" + appid() + "]";
	}

	private MiniProgramUsers.User loggedIn(String openid) {
		MiniProgramUsers.User user = this.users.find(openid);
		if (user == null) {
			throw new IllegalStateException("User " + openid + " never logged in: issue a login code first");
		}
		return user;
	}

}
