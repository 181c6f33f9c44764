package io.github.wxlogin.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.event.WxAccountDeletedEvent;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionEndReason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Account deletion ("注销"): a user asks for its account to be deleted, every session of the account ends
 * at once, and after a grace period the account is purged: its identities and phone are released, its
 * profile and avatar erased, its sessions gone, and a {@link WxAccountDeletedEvent} tells the host to purge
 * its own rows. A login of the account's user during the grace period cancels the deletion
 * ({@link #restore}); after the purge, the same user's login makes a new account.
 * <p>
 * The purge runs in steps that can each be repeated: the store purges the account's rows in one transaction
 * and remembers the account until {@link WxAccountStore#forgetDeletion}; the avatar, the sessions and the
 * event follow, and a purge interrupted among them is finished by the next run. {@link #purgeDue} runs the
 * purges due, on one instance at a time ({@link WxAccountStore#leasePurges}).
 */
public class WxAccountDeletionService {

	private static final Log logger = LogFactory.getLog(WxAccountDeletionService.class);

	private final WxUserService users;

	private final WxLoginSessionService sessions;

	private final Duration gracePeriod;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Consumer<WxAccount> eraseFiles;

	/**
	 * Create the service.
	 * @param users the user store, a {@link WxAccountStore} for deletion to work
	 * @param sessions the login sessions, which end when a deletion is asked for
	 * @param gracePeriod how long a deleted account can still be restored by a login; zero purges it at once
	 * @param clock the clock that tells when a deletion is due
	 * @param events where the purge of an account is published
	 * @param eraseFiles what erases the files of an account purged (its avatar), given the account as it
	 * was; it may be run again for the same account
	 */
	public WxAccountDeletionService(WxUserService users, WxLoginSessionService sessions, Duration gracePeriod,
			Clock clock, ApplicationEventPublisher events, Consumer<WxAccount> eraseFiles) {
		if (gracePeriod.isNegative()) {
			throw new IllegalArgumentException("The grace period must not be negative");
		}
		this.users = users;
		this.sessions = sessions;
		this.gracePeriod = gracePeriod;
		this.clock = clock;
		this.events = events;
		this.eraseFiles = eraseFiles;
	}

	/**
	 * Delete the caller's account, as {@code DELETE {base}/me} asks: its sessions end at once, and it is
	 * purged after the grace period, or at once without one.
	 * @param caller the signed-in caller
	 * @return when the account will be purged, or empty when it is purged already
	 */
	public Optional<Instant> requestDeletion(WxPrincipal caller) {
		String userId = caller.userId();
		if (this.users.findByPrincipal(caller).isEmpty()) {
			throw WxLoginException.userGone();
		}
		if (this.gracePeriod.isZero()) {
			deleteNow(userId);
			return Optional.empty();
		}
		Instant purgeAt = this.clock.instant().plus(this.gracePeriod);
		scheduleDeletion(userId, purgeAt);
		return Optional.of(purgeAt);
	}

	/**
	 * Delete an account at once, whatever the grace period: the host's back office.
	 * @param userId the account's id
	 * @throws NoSuchElementException if there is no such account
	 */
	public void deleteNow(String userId) {
		scheduleDeletion(userId, this.clock.instant());
		purge(userId);
	}

	/**
	 * Cancel a pending deletion, as the account's user logging in again does.
	 * @param userId the account's id
	 * @return whether a deletion was pending and is cancelled; {@code false} once the account is purged
	 */
	public boolean cancelDeletion(String userId) {
		return accounts().cancelDeletion(userId);
	}

	/**
	 * Restore an account whose deletion is pending, at a login of its user. With a user store that keeps no
	 * accounts, there is nothing to restore.
	 * @param userId the account that logged in
	 * @return whether the account was pending deletion, and is restored
	 */
	public boolean restore(String userId) {
		return (this.users instanceof WxAccountStore accounts) && accounts.cancelDeletion(userId);
	}

	/**
	 * Return when an account whose deletion is pending will be purged.
	 * @param userId the account's id
	 * @return the time, or empty when no deletion is pending
	 */
	public Optional<Instant> deletionScheduledAt(String userId) {
		return accounts().deletionScheduledAt(userId);
	}

	/**
	 * Purge the accounts whose deletion is due, if this instance holds the purge's lease.
	 * @param holder this instance, the same on every call
	 * @param leaseFor how long the lease lasts unless renewed by the next call
	 * @param max how many accounts at most
	 * @return how many accounts were purged
	 */
	public int purgeDue(String holder, Duration leaseFor, int max) {
		if (!(this.users instanceof WxAccountStore accounts)) {
			return 0;
		}
		Instant now = this.clock.instant();
		if (!accounts.leasePurges(holder, now, now.plus(leaseFor))) {
			return 0;
		}
		int purged = 0;
		for (String userId : accounts.deletionsDue(now, max)) {
			try {
				purged += purge(userId) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				// the next run tries again: every step can be repeated
				logger.warn("Could not purge deleted account " + userId + " (" + ex + "); the next run retries");
			}
		}
		return purged;
	}

	/**
	 * Purge one account whose deletion is due, or finish a purge interrupted before.
	 * @param userId the account's id
	 * @return whether the account is purged; {@code false} when no deletion of it is due
	 */
	public boolean purge(String userId) {
		WxAccountStore accounts = accounts();
		Optional<WxAccount> purged = accounts.purge(userId, this.clock.instant());
		if (purged.isEmpty()) {
			return false;
		}
		this.eraseFiles.accept(purged.get());
		// Again: a login may have saved a session between the deletion's request and the purge
		endSessions(userId);
		this.events.publishEvent(new WxAccountDeletedEvent(userId));
		accounts.forgetDeletion(userId);
		return true;
	}

	private void scheduleDeletion(String userId, Instant purgeAt) {
		// Marked first: a login racing with the sessions' end then restores the account, and says so
		accounts().scheduleDeletion(userId, purgeAt);
		endSessions(userId);
	}

	/** The one place where a deletion ends the account's sessions, on request and on purge alike. */
	private void endSessions(String userId) {
		this.sessions.endSessions(userId, WxSessionEndReason.ACCOUNT_DELETED);
	}

	private WxAccountStore accounts() {
		if (this.users instanceof WxAccountStore accounts) {
			return accounts;
		}
		throw new IllegalStateException("The WxUserService bean (" + this.users.getClass().getName()
				+ ") keeps no accounts: implement WxAccountStore to delete accounts");
	}

}
