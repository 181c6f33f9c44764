package io.github.wxlogin.login;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.WxUserService.WxUserLogin;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.session.WxSessionKeyStore;
import io.github.wxlogin.token.RefreshTokenGrant;
import io.github.wxlogin.token.TokenRevocationStore;
import io.github.wxlogin.token.WxIssuedTokens;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxApps;
import io.github.wxlogin.wechat.WxSession;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * How a caller gets, renews and gives up its tokens: login with a {@code wx.login()} code, refresh, and
 * logout. Logins and refreshes are observed as {@value #LOGIN_OBSERVATION} and
 * {@value #REFRESH_OBSERVATION}, with the low-cardinality key {@value #OUTCOME_KEY} ({@code new_user},
 * {@code returning} or {@code success}; {@value #REFUSED} when the call threw, the error telling why).
 * <p>
 * A host replaces or decorates this service by declaring a bean of this type.
 */
public class WxSignInService {

	/** The observation of every login. */
	public static final String LOGIN_OBSERVATION = "wxlogin.login";

	/** The observation of every refresh. */
	public static final String REFRESH_OBSERVATION = "wxlogin.token.refresh";

	/** The key of an observation's outcome. */
	public static final String OUTCOME_KEY = "outcome";

	/** The outcome of a login or refresh that threw. */
	public static final String REFUSED = "refused";

	private final WxApps apps;

	private final WxApiClient wechat;

	private final WxSessionKeyStore sessionKeys;

	private final WxUserService users;

	private final WxTokenService tokens;

	private final TokenRevocationStore revocations;

	private final ObservationRegistry observations;

	/**
	 * Create the service.
	 * @param apps the mini programs served
	 * @param wechat the WeChat client
	 * @param sessionKeys the store of session keys
	 * @param users the host's users
	 * @param tokens the token service
	 * @param revocations the revoked access tokens
	 * @param observations where logins and refreshes are observed, {@link ObservationRegistry#NOOP} for
	 * nowhere
	 */
	public WxSignInService(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys, WxUserService users,
			WxTokenService tokens, TokenRevocationStore revocations, ObservationRegistry observations) {
		this.apps = apps;
		this.wechat = wechat;
		this.sessionKeys = sessionKeys;
		this.users = users;
		this.tokens = tokens;
		this.revocations = revocations;
		this.observations = observations;
	}

	/**
	 * Log in silently: exchange the code with WeChat, keep the session key, find or create the user and
	 * issue tokens.
	 * @param request the code and the mini program
	 * @return the tokens and the user
	 */
	public SignedIn signIn(SignInRequest request) {
		return observe(LOGIN_OBSERVATION, () -> {
			WxApp app = appNamedBy(request.appid());
			WxSession session = this.wechat.code2Session(app, request.code());
			this.sessionKeys.save(app.appid(), session.openid(), session.sessionKey());
			WxUserLogin login = this.users
				.findOrCreate(new WxIdentity(app.appid(), session.openid(), session.unionid()));
			WxIssuedTokens issued = this.tokens.issue(principalOf(login.user()));
			return new SignedIn(issued, login.user(), login.created());
		}, (signedIn) -> signedIn.newUser() ? "new_user" : "returning");
	}

	/**
	 * Spend a refresh token for new tokens.
	 * @param refreshToken the refresh token
	 * @return the new tokens and their user
	 */
	public SignedIn refresh(String refreshToken) {
		return observe(REFRESH_OBSERVATION, () -> {
			// Everything that can fail comes before the token is spent: a store that does not answer leaves it
			// usable, and the client's retry succeeds
			RefreshTokenGrant grant = this.tokens.findRefreshGrant(refreshToken)
				.orElseThrow(WxSignInService::invalidRefreshToken);
			WxUser user = this.users.findByPrincipal(grant.subject())
				.orElseThrow(WxLoginException::userGone);
			WxIssuedTokens issued = this.tokens.refresh(refreshToken).orElseThrow(WxSignInService::invalidRefreshToken);
			return new SignedIn(issued, user, false);
		}, (signedIn) -> "success");
	}

	/**
	 * Log out: revoke the refresh token's family, and refuse the access token presented from now on.
	 * @param request the caller and the tokens to end
	 */
	public void signOut(SignOutRequest request) {
		if (request.refreshToken() != null) {
			this.tokens.revokeRefreshToken(request.refreshToken(), request.userId());
		}
		if (request.accessTokenId() != null && request.accessTokenExpiresAt() != null) {
			this.revocations.revoke(request.accessTokenId(), request.accessTokenExpiresAt());
		}
	}

	/** The app a login names, or the default app when it names none. */
	private WxApp appNamedBy(@Nullable String appid) {
		if (appid == null) {
			return this.apps.defaultApp()
				.orElseThrow(() -> WxLoginException.invalidRequest("'appid' is required: several mini programs are served."));
		}
		return this.apps.find(appid)
			.orElseThrow(() -> WxLoginException.invalidRequest("'appid' names no mini program served here."));
	}

	private <T> T observe(String name, Supplier<T> call, Function<T, String> outcome) {
		Observation observation = Observation.createNotStarted(name, this.observations)
			.lowCardinalityKeyValue(OUTCOME_KEY, REFUSED);
		return observation.observe(() -> {
			T result = call.get();
			observation.lowCardinalityKeyValue(OUTCOME_KEY, outcome.apply(result));
			return result;
		});
	}

	private static WxPrincipal principalOf(WxUser user) {
		return new WxPrincipal(user.id(), user.openid(), user.appid());
	}

	private static WxLoginException invalidRefreshToken() {
		return new WxLoginException(Reason.INVALID_REFRESH_TOKEN,
				"The refresh token is unknown, expired, revoked or spent.");
	}

}
