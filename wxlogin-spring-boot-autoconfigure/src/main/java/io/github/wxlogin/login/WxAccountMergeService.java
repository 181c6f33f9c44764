package io.github.wxlogin.login;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.event.WxAccountMergedEvent;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.session.WxLoginOrigin;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionEndReason;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The way out of a phone conflict, when the host opts in: a caller signed in to account X proves, with a
 * fresh {@code getPhoneNumber} code, the phone that account Y owns, and X is merged into Y
 * ({@link WxAccountStore#merge}): X's WeChat identities move to Y, X's sessions end, X's avatar is erased,
 * the caller receives Y's tokens, and a {@link WxAccountMergedEvent} names both accounts so that the host
 * moves its own rows. A merge that would break an account rule is refused ({@code MERGE_CONFLICT}) and
 * changes nothing.
 * <p>
 * A phone nobody else owns is bound to the caller's account instead, and the caller receives tokens of its
 * own account: either way the caller ends up signed in to the account that owns the phone. Off (the
 * default), the service answers every call with today's refusal of the conflict ({@code IDENTITY_CONFLICT}).
 */
public class WxAccountMergeService {

	private final WxApps apps;

	private final WxUserService users;

	private final WxTokenService tokens;

	private final WxLoginSessionService sessions;

	private final ApplicationEventPublisher events;

	private final Consumer<WxAccount> eraseFiles;

	private final boolean enabled;

	private final PhoneNumbers phoneNumbers;

	/**
	 * Create the service.
	 * @param apps the mini programs served
	 * @param wechat the WeChat client, which exchanges the phone code
	 * @param users the user store, a {@link WxAccountStore} for merges to work
	 * @param tokens the token service, which issues the merged account's tokens
	 * @param sessions the login sessions, which end for the account merged away
	 * @param events where merges are published
	 * @param eraseFiles what erases the files of the account merged away (its avatar)
	 * @param enabled whether merges are allowed; off, a phone conflict stays a refusal
	 * @param observations where the phone numbers WeChat gives are observed, {@link ObservationRegistry#NOOP}
	 * for nowhere
	 */
	public WxAccountMergeService(WxApps apps, WxApiClient wechat, WxUserService users, WxTokenService tokens,
			WxLoginSessionService sessions, ApplicationEventPublisher events, Consumer<WxAccount> eraseFiles,
			boolean enabled, ObservationRegistry observations) {
		this.apps = apps;
		this.users = users;
		this.tokens = tokens;
		this.sessions = sessions;
		this.events = events;
		this.eraseFiles = eraseFiles;
		this.enabled = enabled && users instanceof WxAccountStore;
		this.phoneNumbers = new PhoneNumbers(wechat, observations);
	}

	/**
	 * Return whether a phone conflict can end in a merge here, which the conflict's refusal tells clients.
	 * @return whether merges are allowed
	 */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * Merge the caller's account into the account that owns the phone of a {@code getPhoneNumber} code.
	 * @param caller the signed-in caller (account X)
	 * @param phoneCode a fresh one-time phone code
	 * @param origin where the request came from
	 * @return the tokens of the account that owns the phone, seen through the caller's identity
	 */
	public SignedIn mergeByPhone(WxPrincipal caller, String phoneCode, WxLoginOrigin origin) {
		if (!this.enabled || !(this.users instanceof WxAccountStore accounts)) {
			throw WxLoginException.identityConflict(false);
		}
		WxAccount from = accounts.findAccount(caller.userId())
			.filter((account) -> this.users.findByPrincipal(caller).isPresent())
			.orElseThrow(WxLoginException::userGone);
		WxApp app = this.apps.find(caller.appid()).orElseThrow(WxLoginException::appNotServed);
		WxPhone phone = this.phoneNumbers.exchange(app, phoneCode, caller.openid());
		Optional<WxAccount> owner = accounts.findByPhone(from.tenant(), phone.phoneNumber());
		if (owner.isEmpty() || owner.get().id().equals(from.id())) {
			return signedIn(caller, from.id(), bindPhone(from.id(), phone), false, origin);
		}
		String into = owner.get().id();
		accounts.findBan(into).ifPresent((ban) -> {
			throw WxLoginException.accountDisabled(ban);
		});
		try {
			accounts.merge(from.id(), into);
		}
		catch (NoSuchElementException ex) {
			// a concurrent merge or deletion of either account came first
			throw WxLoginException.userGone();
		}
		catch (WxAccountException ex) {
			throw switch (ex.reason()) {
				case MERGE_CONFLICT -> new WxLoginException(Reason.MERGE_CONFLICT,
						"These two accounts cannot be merged: " + ex.getMessage() + ".");
				case PHONE_CONFLICT, IDENTITY_CONFLICT, LAST_IDENTITY -> ex;
			};
		}
		// The caller proved the phone: a deletion of the account that owns it is cancelled, as a login does
		boolean restored = accounts.cancelDeletion(into);
		endSessions(from.id());
		this.eraseFiles.accept(from);
		this.events.publishEvent(new WxAccountMergedEvent(from.id(), into));
		WxUser user = accounts.findByIdentity(caller.appid(), caller.openid()).orElseThrow(WxLoginException::userGone);
		return signedIn(caller, into, user, restored, origin);
	}

	private WxUser bindPhone(String userId, WxPhone phone) {
		try {
			return this.users.bindPhone(userId, phone);
		}
		catch (WxAccountException ex) {
			throw switch (ex.reason()) {
				// another account took the phone meanwhile: the client asks again
				case PHONE_CONFLICT -> new WxLoginException(Reason.PHONE_CONFLICT,
						"The phone number is bound to another user.");
				case IDENTITY_CONFLICT, LAST_IDENTITY, MERGE_CONFLICT -> ex;
			};
		}
	}

	private SignedIn signedIn(WxPrincipal caller, String userId, WxUser user, boolean restored, WxLoginOrigin origin) {
		WxPrincipal subject = new WxPrincipal(userId, caller.openid(), caller.appid(), caller.tenant());
		return new SignedIn(this.tokens.issue(subject, origin), user, false, restored);
	}

	/** The one place where a merge ends the sessions of the account merged away. */
	private void endSessions(String userId) {
		this.sessions.endSessions(userId, WxSessionEndReason.ACCOUNT_MERGED);
	}

}
