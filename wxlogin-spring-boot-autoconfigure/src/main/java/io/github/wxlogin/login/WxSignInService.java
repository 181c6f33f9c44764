package io.github.wxlogin.login;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxAccountStore.WxPhoneSignIn;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.WxUserService.WxUserLogin;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.app.WxRegisteredApp;
import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxLoginAuditEvent.Action;
import io.github.wxlogin.event.WxNewUserEvent;
import io.github.wxlogin.event.WxNewUserEvent.Method;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.session.RefreshTokenGrant;
import io.github.wxlogin.session.WxLoginOrigin;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionEndReason;
import io.github.wxlogin.token.WxRefreshRefusedException;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.token.WxTokenService.Refreshed;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxSession;
import io.github.wxlogin.wechat.WxSessionKeyStore;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * How a caller gets, renews and gives up its tokens: login with a {@code wx.login()} code, phone-number
 * login, refresh, and logout. Each login starts a session ({@link WxLoginSessionService}); a disabled
 * account can neither log in nor refresh.
 * <p>
 * Logins, phone logins and refreshes are observed as {@link WxLoginObservation#LOGIN},
 * {@link WxLoginObservation#PHONE_LOGIN} and {@link WxLoginObservation#REFRESH}, each exchange of a phone
 * code as {@link WxLoginObservation#PHONE_NUMBER}, keyed by a {@link WxLoginObservationConvention}. Each
 * action is published as a {@link WxLoginAuditEvent}, refused logins and refreshes too; a login that
 * created an account is published, after it, as a {@link WxNewUserEvent}.
 * <p>
 * A host reacts to logins by listening to these events; it replaces this service by declaring a bean of
 * this type.
 */
public class WxSignInService {

	private static final WxLoginObservationConvention DEFAULT_CONVENTION = new WxLoginObservationConvention();

	private final WxApps apps;

	private final WxApiClient wechat;

	private final WxSessionKeyStore sessionKeys;

	private final WxUserService users;

	private final WxTokenService tokens;

	private final WxLoginSessionService sessions;

	private final ObservationRegistry observations;

	private final ApplicationEventPublisher events;

	private final PhoneNumbers phoneNumbers;

	private final @Nullable WxAccountDeletionService deletions;

	private final boolean mergeOnPhoneConflict;

	private final @Nullable WxRegistrationRiskCheck riskCheck;

	/**
	 * Create the service.
	 * @param apps the mini programs served
	 * @param wechat the WeChat client
	 * @param sessionKeys the store of session keys
	 * @param users the host's users
	 * @param tokens the token service
	 * @param sessions the login sessions
	 * @param observations where logins and refreshes are observed, {@link ObservationRegistry#NOOP} for
	 * nowhere
	 * @param events where the audit and new-user events are published
	 */
	public WxSignInService(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys, WxUserService users,
			WxTokenService tokens, WxLoginSessionService sessions, ObservationRegistry observations,
			ApplicationEventPublisher events) {
		this(apps, wechat, sessionKeys, users, tokens, sessions, observations, events, null, false, null);
	}

	/**
	 * Create the service with the account lifecycle (logins restore accounts whose deletion is pending, and a
	 * phone conflict may offer a merge) and a risk check of new users.
	 * @param apps the mini programs served
	 * @param wechat the WeChat client
	 * @param sessionKeys the store of session keys
	 * @param users the host's users
	 * @param tokens the token service
	 * @param sessions the login sessions
	 * @param observations where logins and refreshes are observed, {@link ObservationRegistry#NOOP} for
	 * nowhere
	 * @param events where the audit and new-user events are published
	 * @param deletions the account deletions a login cancels, or {@code null} for none
	 * @param mergeOnPhoneConflict whether a phone conflict tells the client it may merge its account instead
	 * ({@link WxAccountMergeService})
	 * @param riskCheck WeChat's risk verdict on a user about to get a new account, or {@code null} for none;
	 * it needs a {@link WxAccountStore} to tell a new user from a returning one, and asks nothing otherwise
	 */
	public WxSignInService(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys, WxUserService users,
			WxTokenService tokens, WxLoginSessionService sessions, ObservationRegistry observations,
			ApplicationEventPublisher events, @Nullable WxAccountDeletionService deletions,
			boolean mergeOnPhoneConflict, @Nullable WxRegistrationRiskCheck riskCheck) {
		this.deletions = deletions;
		this.mergeOnPhoneConflict = mergeOnPhoneConflict;
		this.riskCheck = riskCheck;
		this.apps = apps;
		this.wechat = wechat;
		this.sessionKeys = sessionKeys;
		this.users = users;
		this.tokens = tokens;
		this.sessions = sessions;
		this.observations = observations;
		this.events = events;
		this.phoneNumbers = new PhoneNumbers(wechat, observations);
	}

	/**
	 * Log in silently: exchange the code with WeChat, keep the session key, find or create the user and
	 * issue tokens. The login of an account whose deletion is pending restores it.
	 * @param request the code, the mini program and the request's origin
	 * @return the tokens and the user
	 */
	public SignedIn signIn(SignInRequest request) {
		return audited(Action.LOGIN, request.appid(), request.origin(), () -> observe(WxLoginObservation.LOGIN,
				() -> signedIn(identify(request), request.origin()), WxSignInService::loginOutcome));
	}

	/**
	 * Log in silently as {@link #signIn} does, with the same account rules, observation and events, but
	 * issue no tokens and start no session: for a token issuer of the host's own, such as an OAuth 2
	 * authorization server, that issues its own tokens to the user.
	 * @param request the code, the mini program and the request's origin
	 * @return the user and the principal its tokens stand for
	 */
	public SignedInUser authenticate(SignInRequest request) {
		return auditedUser(Action.LOGIN, request.appid(), request.origin(), () -> observe(WxLoginObservation.LOGIN,
				() -> identify(request), WxSignInService::loginOutcome));
	}

	private SignedInUser identify(SignInRequest request) {
		WxApp app = appNamedBy(request.appid());
		WxSession session = exchangeLoginCode(app, request.code());
		WxIdentity identity = new WxIdentity(app.appid(), session.openid(), session.unionid(), app.tenant());
		// Only a user about to get an account is checked: one more read, and only with the check on
		WxRegistrationRiskCheck.Verdict verdict = (this.riskCheck != null
				&& this.users instanceof WxAccountStore accounts
				&& accounts.findByIdentity(identity.appid(), identity.openid()).isEmpty())
						? riskOfNewAccount(app, identity, request.origin(), null) : null;
		WxUserLogin login = this.users.findOrCreate(identity);
		recordRisk(verdict, login.user(), login.created());
		refuseDisabled(login.user());
		return restoring(new SignedInUser(login.user(), app.tenant(), login.created()));
	}

	/**
	 * Log in with a phone number ("手机号快捷登录"): the login code tells who the user is in the mini
	 * program, the phone code which number WeChat vouches for, and the user is signed in to the account
	 * that owns that number: the identity is linked to it, the number bound to the identity's account, or
	 * a new account made with both (the rules of {@link WxAccountStore#signInWithPhone}).
	 * <p>
	 * The login code is spent first: it costs nothing, and should it fail the phone code, which WeChat
	 * charges for, is still unused and the client retries with a fresh {@code wx.login()} code. An
	 * identity whose account is disabled is refused before the phone code is spent. With a
	 * {@link WxUserService} that is no {@link WxAccountStore}, the number is bound to the identity's user,
	 * and a number another user has is an identity conflict. Like a silent login, it restores the account it
	 * signs in to when that account's deletion is pending: the user proved its phone.
	 * @param request the two codes, the mini program and the request's origin
	 * @return the tokens and the user
	 */
	public SignedIn signInWithPhone(PhoneSignInRequest request) {
		return audited(Action.PHONE_LOGIN, request.appid(), request.origin(), () -> observe(
				WxLoginObservation.PHONE_LOGIN, () -> signedIn(identify(request), request.origin()),
				WxSignInService::loginOutcome));
	}

	/**
	 * Log in with a phone number as {@link #signInWithPhone} does, with the same account rules, observation
	 * and events, but issue no tokens and start no session: for a token issuer of the host's own.
	 * @param request the two codes, the mini program and the request's origin
	 * @return the user and the principal its tokens stand for
	 */
	public SignedInUser authenticateWithPhone(PhoneSignInRequest request) {
		return auditedUser(Action.PHONE_LOGIN, request.appid(), request.origin(), () -> observe(
				WxLoginObservation.PHONE_LOGIN, () -> identify(request), WxSignInService::loginOutcome));
	}

	private SignedInUser identify(PhoneSignInRequest request) {
		WxApp app = appNamedBy(request.appid());
		WxSession session = exchangeLoginCode(app, request.loginCode());
		WxIdentity identity = new WxIdentity(app.appid(), session.openid(), session.unionid(), app.tenant());
		SignedInUser user = (this.users instanceof WxAccountStore accounts)
				? signInWithPhone(accounts, app, identity, request.phoneCode(), request.origin())
				: bindPhoneOfUser(app, identity, request.phoneCode());
		refuseDisabled(user.user());
		return restoring(user);
	}

	/**
	 * The login of an account whose deletion is pending restores it, before any token names the account: a
	 * deletion cancelled after the tokens could purge the account they name.
	 */
	private SignedInUser restoring(SignedInUser user) {
		boolean restored = this.deletions != null && !user.newUser() && this.deletions.restore(user.user().id());
		return restored ? new SignedInUser(user.user(), user.tenant(), false, true) : user;
	}

	private SignedInUser signInWithPhone(WxAccountStore accounts, WxApp app, WxIdentity identity, String phoneCode,
			WxLoginOrigin origin) {
		Optional<WxUser> known = accounts.findByIdentity(identity.appid(), identity.openid());
		known.ifPresent(this::refuseDisabled);
		WxPhone phone = this.phoneNumbers.exchange(app, phoneCode, identity.openid());
		WxRegistrationRiskCheck.Verdict verdict = (this.riskCheck != null && known.isEmpty()
				&& accounts.findByPhone(identity.tenant(), phone.phoneNumber()).isEmpty())
						? riskOfNewAccount(app, identity, origin, phone.purePhoneNumber()) : null;
		try {
			WxPhoneSignIn signIn = accounts.signInWithPhone(identity, phone);
			boolean created = signIn.outcome() == WxPhoneSignIn.Outcome.CREATED;
			recordRisk(verdict, signIn.user(), created);
			return new SignedInUser(signIn.user(), app.tenant(), created);
		}
		catch (WxAccountException ex) {
			throw switch (ex.reason()) {
				case IDENTITY_CONFLICT -> identityConflict();
				// Refusals a phone sign-in does not make
				case PHONE_CONFLICT, LAST_IDENTITY, MERGE_CONFLICT -> ex;
			};
		}
	}

	private SignedInUser bindPhoneOfUser(WxApp app, WxIdentity identity, String phoneCode) {
		WxUserLogin login = this.users.findOrCreate(identity);
		refuseDisabled(login.user());
		WxPhone phone = this.phoneNumbers.exchange(app, phoneCode, identity.openid());
		if (phone.phoneNumber().equals(login.user().phoneNumber())) {
			return new SignedInUser(login.user(), app.tenant(), login.created());
		}
		try {
			return new SignedInUser(this.users.bindPhone(login.user().id(), phone), app.tenant(), login.created());
		}
		catch (WxAccountException ex) {
			throw switch (ex.reason()) {
				// The phone is another account's: this login's identity and phone belong to two accounts
				case PHONE_CONFLICT, IDENTITY_CONFLICT -> identityConflict();
				case LAST_IDENTITY, MERGE_CONFLICT -> ex;
			};
		}
	}

	/**
	 * Spend a refresh token for new tokens.
	 * @param refreshToken the refresh token
	 * @return the new tokens and their user
	 */
	public SignedIn refresh(String refreshToken) {
		return refresh(refreshToken, WxLoginOrigin.UNKNOWN);
	}

	/**
	 * Spend a refresh token for new tokens.
	 * @param refreshToken the refresh token
	 * @param origin where the request came from, for the audit trail
	 * @return the new tokens and their user
	 */
	public SignedIn refresh(String refreshToken, WxLoginOrigin origin) {
		return audited(Action.REFRESH, null, origin, () -> observe(WxLoginObservation.REFRESH, () -> {
			// Should the user's checks fail (a database that does not answer, a disabled account), the token
			// stays usable and the client's retry succeeds
			Refreshed<WxUser> refreshed;
			try {
				refreshed = this.tokens.refreshOrRefuse(refreshToken, (grant) -> admitted(grant.subject()));
			}
			catch (WxRefreshRefusedException ex) {
				throw WxLoginException.invalidRefreshToken(ex.reason());
			}
			return new SignedIn(refreshed.tokens(), refreshed.admitted(), false);
		}, (signedIn) -> "success"));
	}

	/**
	 * Check that the user of a token being renewed may still have tokens: its mini program is still served
	 * and switched on, and the user still exists and is not disabled. A refresh makes these checks; a token
	 * issuer of the host's own makes them when it renews tokens it issued after {@link #authenticate}.
	 * @param subject the user the tokens were issued to
	 * @return the user
	 * @throws WxLoginException when the app is no longer served or is off, the user is gone or disabled
	 */
	public WxUser admitted(WxPrincipal subject) {
		enabled(this.apps.lookUp(subject.appid()).orElseThrow(WxLoginException::appNotServed));
		WxUser user = this.users.findByPrincipal(subject).orElseThrow(WxLoginException::userGone);
		refuseDisabled(user);
		return user;
	}

	/**
	 * Log out: end the session of the refresh token given (its family and every access token issued in
	 * it), or every session of the caller, and refuse the access token presented from now on. Without a
	 * refresh token and without {@code allSessions}, only the access token presented ends.
	 * @param request the caller, the session and the tokens to end
	 */
	public void signOut(SignOutRequest request) {
		if (request.allSessions()) {
			this.sessions.endSessions(request.userId(), WxSessionEndReason.SESSION_ENDED);
		}
		else if (request.refreshToken() != null) {
			endSessionOf(request.refreshToken(), request.userId());
		}
		if (request.accessTokenId() != null && request.accessTokenExpiresAt() != null) {
			this.sessions.revokeAccessToken(request.accessTokenId(), request.accessTokenExpiresAt());
		}
		this.events.publishEvent(new WxLoginAuditEvent(Action.LOGOUT, WxLoginAuditEvent.SUCCESS, request.userId(),
				null, null, request.ip(), request.allSessions() ? null : request.sessionId()));
	}

	private void endSessionOf(String refreshToken, String userId) {
		Optional<RefreshTokenGrant> grant = this.tokens.findUsableGrant(refreshToken)
			.filter((candidate) -> candidate.subject().userId().equals(userId));
		if (grant.isPresent() && this.sessions
			.endSession(userId, grant.get().sessionId(), WxSessionEndReason.SESSION_ENDED)
			.isEmpty()) {
			// A family the session list does not show still ends
			this.tokens.revokeRefreshToken(refreshToken, userId);
		}
	}

	/**
	 * WeChat's verdict on a user about to get an account, when the risk check is on; it refuses the login
	 * by throwing.
	 */
	private WxRegistrationRiskCheck.@Nullable Verdict riskOfNewAccount(WxApp app, WxIdentity identity,
			WxLoginOrigin origin, @Nullable String mobile) {
		return (this.riskCheck != null) ? this.riskCheck.check(app, identity.openid(), origin.ip(), mobile) : null;
	}

	private void recordRisk(WxRegistrationRiskCheck.@Nullable Verdict verdict, WxUser user, boolean created) {
		if (verdict != null && created && this.riskCheck != null) {
			this.riskCheck.allowed(verdict, user.id());
		}
	}

	private WxSession exchangeLoginCode(WxApp app, String code) {
		WxSession session = this.wechat.code2Session(app, code);
		this.sessionKeys.save(app.appid(), session.openid(), session.sessionKey());
		return session;
	}

	private SignedIn signedIn(SignedInUser user, WxLoginOrigin origin) {
		return new SignedIn(this.tokens.issue(user.principal(), origin), user.user(), user.newUser(), user.restored());
	}

	private void refuseDisabled(WxUser user) {
		this.users.findBan(user.id()).ifPresent((ban) -> {
			throw WxLoginException.accountDisabled(ban);
		});
	}

	/** The app a login names, or the default app when it names none. */
	private WxApp appNamedBy(@Nullable String appid) {
		String named = (appid != null) ? appid : this.apps.defaultAppid()
			.orElseThrow(() -> WxLoginException.invalidRequest("'appid' is required: several mini programs are served."));
		return enabled(this.apps.lookUp(named).orElseThrow(WxLoginException::unknownApp));
	}

	private static WxApp enabled(WxRegisteredApp app) {
		if (!app.enabled()) {
			throw WxLoginException.appDisabled();
		}
		return app.app();
	}

	private <T> T observe(WxLoginObservation observation, Supplier<T> call, Function<T, String> outcome) {
		WxLoginObservationContext context = new WxLoginObservationContext(null);
		return observation.observation(null, DEFAULT_CONVENTION, () -> context, this.observations)
			.observe(() -> {
				T result = call.get();
				context.setOutcome(outcome.apply(result));
				return result;
			});
	}

	/**
	 * Publishes the audit event of a login or refresh, whether it succeeded or was refused, and the new-user
	 * event of a login that created an account.
	 */
	private SignedIn audited(Action action, @Nullable String appid, WxLoginOrigin origin, Supplier<SignedIn> call) {
		return audited(action, appid, origin, call, SignedIn::user, SignedIn::newUser,
				(signedIn) -> signedIn.tokens().sessionId());
	}

	private SignedInUser auditedUser(Action action, @Nullable String appid, WxLoginOrigin origin,
			Supplier<SignedInUser> call) {
		return audited(action, appid, origin, call, SignedInUser::user, SignedInUser::newUser, (user) -> null);
	}

	private <T> T audited(Action action, @Nullable String appid, WxLoginOrigin origin, Supplier<T> call,
			Function<T, WxUser> userOf, Predicate<T> newUser, Function<T, @Nullable String> sessionOf) {
		T signedIn;
		try {
			signedIn = call.get();
		}
		catch (RuntimeException ex) {
			WxSessionEndReason endReason = (ex instanceof WxLoginException login) ? login.endReason() : null;
			this.events.publishEvent(new WxLoginAuditEvent(action, refusalOf(ex), null, appid, null, origin.ip(), null,
					(endReason != null) ? endReason.code() : null));
			throw ex;
		}
		WxUser user = userOf.apply(signedIn);
		this.events.publishEvent(new WxLoginAuditEvent(action, WxLoginAuditEvent.SUCCESS, user.id(), user.appid(),
				user.openid(), origin.ip(), sessionOf.apply(signedIn)));
		if (newUser.test(signedIn)) {
			this.events.publishEvent(new WxNewUserEvent(user.id(), user.appid(), user.openid(),
					(action == Action.PHONE_LOGIN) ? Method.PHONE_LOGIN : Method.LOGIN));
		}
		return signedIn;
	}

	/** The lower-case name of the reason a login or refresh was refused, for the audit trail. */
	private static String refusalOf(RuntimeException ex) {
		Enum<?> reason = (ex instanceof WxLoginException login) ? login.reason()
				: (ex instanceof WxApiException wechat) ? wechat.getReason() : null;
		return (reason != null) ? reason.name().toLowerCase(Locale.ROOT) : "error";
	}

	private static String loginOutcome(SignedIn signedIn) {
		return outcomeOf(signedIn.newUser());
	}

	private static String loginOutcome(SignedInUser user) {
		return outcomeOf(user.newUser());
	}

	private static String outcomeOf(boolean newUser) {
		return newUser ? "new_user" : "returning";
	}

	private WxLoginException identityConflict() {
		return WxLoginException.identityConflict(this.mergeOnPhoneConflict);
	}

}
