package io.github.wxlogin.login;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxBan;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxTenant;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.event.WxLoginAuditEvent;
import io.github.wxlogin.event.WxLoginAuditEvent.Action;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionEndReason;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The host's own operations on accounts, for its back office and its other channels: create an account
 * for a phone number known from elsewhere (the user's first phone-number login links to it), find an
 * account by phone, link and unlink WeChat identities, list them, and disable an account (for a time, with
 * a reason code, or until further notice) or enable it.
 * Phones are looked up and accounts created in a {@linkplain io.github.wxlogin.WxTenant tenant}; the
 * methods that name none work in the default tenant, the only one of a back end that names none.
 * <p>
 * It works on the {@link WxAccountStore} the user store is; the starter's in-memory and JDBC stores are
 * one. Unlike the store's own methods, disabling here also ends every session of the account (its
 * refresh tokens are refused at once, its access tokens as {@link WxLoginSessionService} says) and
 * publishes {@link Action#ACCOUNT_DISABLED}; unlinking an identity ends the account's sessions in that
 * mini program.
 */
public class WxAccountManager {

	private final WxUserService users;

	private final WxLoginSessionService sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Create the manager.
	 * @param users the user store, a {@link WxAccountStore} for every method to work
	 * @param sessions the login sessions
	 * @param events where disabling an account is published
	 */
	public WxAccountManager(WxUserService users, WxLoginSessionService sessions, ApplicationEventPublisher events) {
		this(users, sessions, events, Clock.systemUTC());
	}

	/**
	 * Create the manager.
	 * @param users the user store, a {@link WxAccountStore} for every method to work
	 * @param sessions the login sessions
	 * @param events where disabling an account is published
	 * @param clock the clock a ban's end is checked against
	 */
	public WxAccountManager(WxUserService users, WxLoginSessionService sessions, ApplicationEventPublisher events,
			Clock clock) {
		this.clock = clock;
		this.users = users;
		this.sessions = sessions;
		this.events = events;
	}

	/**
	 * Find an account with its identities.
	 * @param userId the account's id
	 * @return the account, or empty when there is none
	 */
	public Optional<WxAccount> findAccount(String userId) {
		return accounts().findAccount(userId);
	}

	/**
	 * Find the account of the default tenant that owns a phone number.
	 * @param phoneNumber the number as WeChat gives it, such as {@code +86 13800138000} or
	 * {@code 13800138000} ({@link WxPhone#phoneNumber()})
	 * @return the account, or empty when no account of the default tenant has this number
	 */
	public Optional<WxAccount> findByPhone(String phoneNumber) {
		return findByPhone(WxTenant.DEFAULT, phoneNumber);
	}

	/**
	 * Find the account of a tenant that owns a phone number.
	 * @param tenant the tenant
	 * @param phoneNumber the number as WeChat gives it, such as {@code +86 13800138000} or
	 * {@code 13800138000} ({@link WxPhone#phoneNumber()})
	 * @return the account, or empty when no account of the tenant has this number
	 */
	public Optional<WxAccount> findByPhone(String tenant, String phoneNumber) {
		return accounts().findByPhone(tenant, phoneNumber);
	}

	/**
	 * Create an account of the default tenant with a phone number and no WeChat identity, for a user the
	 * host knows from its web site or app: the user's first phone-number login in a mini program of the
	 * default tenant links to it.
	 * @param phone the phone number
	 * @return the new account
	 * @throws io.github.wxlogin.WxAccountException ({@code PHONE_CONFLICT}) if an account of the default
	 * tenant already has this phone
	 */
	public WxAccount createAccount(WxPhone phone) {
		return createAccount(WxTenant.DEFAULT, phone);
	}

	/**
	 * Create an account of a tenant with a phone number and no WeChat identity, for a user the host knows
	 * from its web site or app: the user's first phone-number login in a mini program of the tenant links
	 * to it.
	 * @param tenant the tenant
	 * @param phone the phone number
	 * @return the new account
	 * @throws io.github.wxlogin.WxAccountException ({@code PHONE_CONFLICT}) if an account of the tenant
	 * already has this phone
	 * @throws IllegalArgumentException if the tenant id has not the form of one
	 */
	public WxAccount createAccount(String tenant, WxPhone phone) {
		return accounts().createAccount(WxTenant.requireValid(tenant), phone);
	}

	/**
	 * Link a WeChat identity to an account.
	 * @param userId the account's id
	 * @param identity the identity
	 * @return the account as stored afterwards
	 * @throws io.github.wxlogin.WxAccountException ({@code IDENTITY_CONFLICT}) if the identity belongs to another
	 * account
	 * @throws IllegalArgumentException if the identity is of another tenant than the account
	 * @throws java.util.NoSuchElementException if there is no such account
	 */
	public WxAccount linkIdentity(String userId, WxIdentity identity) {
		return accounts().linkIdentity(userId, identity);
	}

	/**
	 * Unlink a WeChat identity from an account, and end the account's sessions in its mini program.
	 * @param userId the account's id
	 * @param appid the identity's mini program
	 * @param openid the identity's openid
	 * @return the account as stored afterwards
	 * @throws io.github.wxlogin.WxAccountException ({@code LAST_IDENTITY}) if it is the last identity of an
	 * account without a phone
	 * @throws java.util.NoSuchElementException if there is no such account, or the identity is not linked
	 * to it
	 */
	public WxAccount unlinkIdentity(String userId, String appid, String openid) {
		WxAccount account = accounts().unlinkIdentity(userId, appid, openid);
		this.sessions.endSessions(userId, appid, WxSessionEndReason.SESSION_REVOKED);
		return account;
	}

	/**
	 * List the WeChat identities of an account.
	 * @param userId the account's id
	 * @return the identities, the one linked first first
	 * @throws java.util.NoSuchElementException if there is no such account
	 */
	public List<WxLinkedIdentity> identities(String userId) {
		return accounts().identities(userId);
	}

	/**
	 * Disable an account until it is enabled again: it can no longer log in or refresh (403
	 * {@code account_disabled}), and every session it has ends (its tokens are refused with the reason
	 * {@code account_disabled}).
	 * @param userId the account's id
	 * @return the account as stored afterwards
	 * @throws java.util.NoSuchElementException if there is no such account
	 */
	public WxAccount disable(String userId) {
		return disable(userId, WxBan.indefinite());
	}

	/**
	 * Disable an account for a time, with a reason code of the host's: it can no longer log in or refresh
	 * until {@code until} (403 {@code account_disabled}, whose {@code until} and {@code banReason} members
	 * carry both), and every session it has ends (its tokens are refused with the reason
	 * {@code account_disabled}). The ban lifts itself at its end, on every instance, with nothing to run;
	 * the user logs in again then.
	 * @param userId the account's id
	 * @param until when the ban ends, or {@code null} for a ban until the account is enabled again
	 * @param reason the host's reason code ({@link WxBan#reason()}), or {@code null} for none
	 * @return the account as stored afterwards
	 * @throws java.util.NoSuchElementException if there is no such account
	 * @throws IllegalArgumentException if the reason is not a short code, or the end is not in the future
	 */
	public WxAccount disable(String userId, @Nullable Instant until, @Nullable String reason) {
		if (until != null && !until.isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("A ban ends in the future; enable the account to lift it now");
		}
		return disable(userId, new WxBan(until, reason));
	}

	private WxAccount disable(String userId, WxBan ban) {
		// Disabled first, so that no login made while the sessions end survives them; the starter's stores
		// have ended them already (WxAccountStore.whenDisabled), a host's store may not have
		WxAccount account = accounts().disable(userId, ban);
		this.sessions.endSessions(userId, WxSessionEndReason.ACCOUNT_DISABLED);
		this.events.publishEvent(new WxLoginAuditEvent(Action.ACCOUNT_DISABLED, WxLoginAuditEvent.SUCCESS, userId,
				null, null, null, null));
		return account;
	}

	/**
	 * Enable an account disabled before.
	 * @param userId the account's id
	 * @return the account as stored afterwards
	 * @throws java.util.NoSuchElementException if there is no such account
	 */
	public WxAccount enable(String userId) {
		return accounts().enable(userId);
	}

	private WxAccountStore accounts() {
		if (this.users instanceof WxAccountStore accounts) {
			return accounts;
		}
		throw new IllegalStateException("The WxUserService bean (" + this.users.getClass().getName()
				+ ") keeps no accounts: implement WxAccountStore to manage accounts");
	}

}
