package io.github.wxlogin.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxAccountStore.WxPhoneSignIn;
import io.github.wxlogin.WxBan;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import org.jspecify.annotations.Nullable;

/**
 * {@link WxAccountStore} that keeps accounts in this instance's memory. Accounts are lost on restart
 * and not shared between instances, so it suits development and tests.
 * <p>
 * Thread-safe: every call runs under one lock, so the account rules hold under concurrent calls
 * (concurrent first logins of one openid create one account, a phone belongs to at most one account of a
 * tenant).
 */
public class InMemoryWxUserService implements WxAccountStore {

	private final Map<String, Account> accounts = new HashMap<>();

	private final Map<IdentityKey, String> accountIdsByIdentity = new HashMap<>();

	private final Map<PhoneKey, String> accountIdsByPhone = new HashMap<>();

	private final Clock clock;

	private volatile Consumer<String> whenDisabled = (userId) -> {
	};

	/**
	 * Create a new in-memory user service.
	 * @param clock the clock that stamps creation and update times
	 */
	public InMemoryWxUserService(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized WxUserLogin findOrCreate(WxIdentity identity) {
		Optional<WxUser> existing = findByIdentity(identity.appid(), identity.openid());
		if (existing.isPresent()) {
			return new WxUserLogin(recordUnionid(identity), false);
		}
		Account joined = accountOfUnionid(identity.tenant(), identity.unionid());
		if (joined != null) {
			return new WxUserLogin(link(joined, identity), false);
		}
		return new WxUserLogin(link(newAccount(identity.tenant()), identity), true);
	}

	@Override
	public synchronized Optional<WxUser> findById(String userId) {
		Account account = this.accounts.get(userId);
		if (account == null || account.identities().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(account.seenThrough(account.identities().get(0)));
	}

	@Override
	public synchronized Optional<WxUser> findByIdentity(String appid, String openid) {
		String accountId = this.accountIdsByIdentity.get(new IdentityKey(appid, openid));
		if (accountId == null) {
			return Optional.empty();
		}
		Account account = this.accounts.get(accountId);
		return Optional.of(account.seenThrough(account.identity(appid, openid)));
	}

	/**
	 * Find the user of a mini program with the given unionid.
	 * @param appid the mini program's AppID
	 * @param unionid the user's unionid
	 * @return the user, seen through its identity in that mini program, or empty when none of the mini
	 * program's identities has this unionid
	 */
	public synchronized Optional<WxUser> findByUnionid(String appid, String unionid) {
		for (Account account : this.accounts.values()) {
			for (WxLinkedIdentity identity : account.identities()) {
				if (identity.appid().equals(appid) && unionid.equals(identity.unionid())) {
					return Optional.of(account.seenThrough(identity));
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public synchronized Optional<WxAccount> findAccount(String userId) {
		return Optional.ofNullable(this.accounts.get(userId)).map((account) -> account.toWxAccount(this.clock.instant()));
	}

	@Override
	public synchronized Optional<WxAccount> findByPhone(String tenant, String phoneNumber) {
		return Optional.ofNullable(this.accountIdsByPhone.get(new PhoneKey(tenant, phoneNumber)))
			.flatMap(this::findAccount);
	}

	@Override
	public synchronized WxUser bindPhone(String userId, WxPhone phone) {
		Account account = require(userId);
		WxLinkedIdentity identity = firstIdentity(account);
		String owner = this.accountIdsByPhone.get(new PhoneKey(account.tenant(), phone.phoneNumber()));
		if (owner != null && !owner.equals(userId)) {
			throw WxAccountException.phoneConflict();
		}
		return bind(account, phone).seenThrough(identity);
	}

	@Override
	public synchronized WxUser updateProfile(String userId, WxProfile profile) {
		Account account = require(userId);
		WxLinkedIdentity identity = firstIdentity(account);
		Account updated = save(new Account(account.id(), account.tenant(), account.phone(),
				(profile.nickname() != null) ? profile.nickname() : account.nickname(),
				profile.avatarUrlAfter(account.avatarUrl()), account.ban(),
				account.createdAt(), now(), account.identities()));
		return updated.seenThrough(identity);
	}

	@Override
	public synchronized WxAccount createAccount(String tenant, WxPhone phone) {
		if (this.accountIdsByPhone.containsKey(new PhoneKey(tenant, phone.phoneNumber()))) {
			throw WxAccountException.phoneConflict();
		}
		return bind(newAccount(tenant), phone).toWxAccount(this.clock.instant());
	}

	@Override
	public synchronized WxPhoneSignIn signInWithPhone(WxIdentity identity, WxPhone phone) {
		String ownerId = this.accountIdsByPhone.get(new PhoneKey(identity.tenant(), phone.phoneNumber()));
		String identityAccountId = this.accountIdsByIdentity.get(new IdentityKey(identity.appid(), identity.openid()));
		if (identityAccountId == null) {
			if (ownerId != null) {
				return new WxPhoneSignIn(link(this.accounts.get(ownerId), identity), WxPhoneSignIn.Outcome.LINKED);
			}
			Account joined = accountOfUnionid(identity.tenant(), identity.unionid());
			boolean created = joined == null;
			Account account = bind(created ? newAccount(identity.tenant()) : joined, phone);
			return new WxPhoneSignIn(link(account, identity),
					created ? WxPhoneSignIn.Outcome.CREATED : WxPhoneSignIn.Outcome.BOUND);
		}
		if (ownerId != null && !ownerId.equals(identityAccountId)) {
			throw WxAccountException.identityConflict("The WeChat identity and the phone belong to two accounts");
		}
		WxUser user = recordUnionid(identity);
		if (ownerId != null) {
			return new WxPhoneSignIn(user, WxPhoneSignIn.Outcome.SIGNED_IN);
		}
		Account bound = bind(this.accounts.get(identityAccountId), phone);
		return new WxPhoneSignIn(bound.seenThrough(bound.identity(identity.appid(), identity.openid())),
				WxPhoneSignIn.Outcome.BOUND);
	}

	@Override
	public synchronized WxAccount linkIdentity(String userId, WxIdentity identity) {
		Account account = require(userId);
		AccountTenants.requireSameTenant(account.tenant(), identity);
		String owner = this.accountIdsByIdentity.get(new IdentityKey(identity.appid(), identity.openid()));
		if (owner == null) {
			link(account, identity);
		}
		else if (!owner.equals(userId)) {
			throw WxAccountException.identityConflict("The WeChat identity belongs to another account");
		}
		return this.accounts.get(userId).toWxAccount(this.clock.instant());
	}

	@Override
	public synchronized WxAccount unlinkIdentity(String userId, String appid, String openid) {
		Account account = require(userId);
		IdentityKey key = new IdentityKey(appid, openid);
		if (!userId.equals(this.accountIdsByIdentity.get(key))) {
			throw new NoSuchElementException("The identity is not linked to account " + userId);
		}
		if (account.identities().size() == 1 && account.phone() == null) {
			throw WxAccountException.lastIdentity();
		}
		this.accountIdsByIdentity.remove(key);
		List<WxLinkedIdentity> remaining = new ArrayList<>(account.identities());
		remaining.removeIf((identity) -> identity.appid().equals(appid) && identity.openid().equals(openid));
		return save(account.withIdentities(remaining)).toWxAccount(this.clock.instant());
	}

	@Override
	public WxAccount disable(String userId) {
		return disable(userId, WxBan.indefinite());
	}

	@Override
	public WxAccount disable(String userId, WxBan ban) {
		WxAccount disabled;
		synchronized (this) {
			disabled = save(require(userId).withBan(ban, now())).toWxAccount(this.clock.instant());
		}
		this.whenDisabled.accept(userId);
		return disabled;
	}

	@Override
	public synchronized Optional<WxBan> findBan(String userId) {
		Account account = this.accounts.get(userId);
		return (account != null) ? Optional.ofNullable(account.banAt(this.clock.instant())) : Optional.empty();
	}

	@Override
	public void whenDisabled(Consumer<String> listener) {
		this.whenDisabled = listener;
	}

	@Override
	public synchronized WxAccount enable(String userId) {
		return save(require(userId).withBan(null, now())).toWxAccount(this.clock.instant());
	}

	/** Records the unionid of a linked identity that had none, and gives the user seen through it. */
	private WxUser recordUnionid(WxIdentity identity) {
		Account account = this.accounts
			.get(this.accountIdsByIdentity.get(new IdentityKey(identity.appid(), identity.openid())));
		WxLinkedIdentity linked = account.identity(identity.appid(), identity.openid());
		if (identity.unionid() == null || linked.unionid() != null) {
			return account.seenThrough(linked);
		}
		WxLinkedIdentity recorded = new WxLinkedIdentity(linked.appid(), linked.openid(), identity.unionid(),
				linked.linkedAt());
		List<WxLinkedIdentity> identities = new ArrayList<>(account.identities());
		identities.set(identities.indexOf(linked), recorded);
		return save(account.withIdentities(identities).withUpdatedAt(now())).seenThrough(recorded);
	}

	private WxUser link(Account account, WxIdentity identity) {
		WxLinkedIdentity linked = new WxLinkedIdentity(identity.appid(), identity.openid(), identity.unionid(), now());
		List<WxLinkedIdentity> identities = new ArrayList<>(account.identities());
		identities.add(linked);
		this.accountIdsByIdentity.put(new IdentityKey(identity.appid(), identity.openid()), account.id());
		return save(account.withIdentities(identities)).seenThrough(linked);
	}

	/** Binds a phone nobody else of the account's tenant owns, freeing the account's previous number. */
	private Account bind(Account account, WxPhone phone) {
		if (account.phone() != null) {
			this.accountIdsByPhone.remove(new PhoneKey(account.tenant(), account.phone().phoneNumber()), account.id());
		}
		this.accountIdsByPhone.put(new PhoneKey(account.tenant(), phone.phoneNumber()), account.id());
		return save(new Account(account.id(), account.tenant(), phone, account.nickname(), account.avatarUrl(),
				account.ban(), account.createdAt(), now(), account.identities()));
	}

	private Account newAccount(String tenant) {
		Instant now = now();
		return save(new Account(UUID.randomUUID().toString(), tenant, null, null, null, null, now, now, List.of()));
	}

	/** The account of the tenant's identity linked first among those with this unionid, if any. */
	private @Nullable Account accountOfUnionid(String tenant, @Nullable String unionid) {
		if (unionid == null) {
			return null;
		}
		Account first = null;
		Instant firstLinkedAt = null;
		for (Account account : this.accounts.values()) {
			if (!account.tenant().equals(tenant)) {
				continue;
			}
			for (WxLinkedIdentity identity : account.identities()) {
				if (unionid.equals(identity.unionid())
						&& (firstLinkedAt == null || identity.linkedAt().isBefore(firstLinkedAt))) {
					first = account;
					firstLinkedAt = identity.linkedAt();
				}
			}
		}
		return first;
	}

	private Account save(Account account) {
		this.accounts.put(account.id(), account);
		return account;
	}

	private Account require(String userId) {
		Account account = this.accounts.get(userId);
		if (account == null) {
			throw new NoSuchElementException("No user with id " + userId);
		}
		return account;
	}

	private static WxLinkedIdentity firstIdentity(Account account) {
		if (account.identities().isEmpty()) {
			throw new NoSuchElementException("Account " + account.id() + " has no WeChat identity");
		}
		return account.identities().get(0);
	}

	// Milliseconds, so that users compare equal with what a JDBC store gives back
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private record IdentityKey(String appid, String openid) {
	}

	/** A phone is unique inside its tenant only. */
	private record PhoneKey(String tenant, String phoneNumber) {
	}

	/**
	 * An account as this store keeps it, its identities in the order they were linked, and its ban as the
	 * host set it (one whose end passed is kept, and read as none).
	 */
	private record Account(String id, String tenant, @Nullable WxPhone phone, @Nullable String nickname,
			@Nullable String avatarUrl, @Nullable WxBan ban, Instant createdAt, Instant updatedAt,
			List<WxLinkedIdentity> identities) {

		Account withIdentities(List<WxLinkedIdentity> identities) {
			return new Account(this.id, this.tenant, this.phone, this.nickname, this.avatarUrl, this.ban,
					this.createdAt, this.updatedAt, List.copyOf(identities));
		}

		Account withUpdatedAt(Instant updatedAt) {
			return new Account(this.id, this.tenant, this.phone, this.nickname, this.avatarUrl, this.ban,
					this.createdAt, updatedAt, this.identities);
		}

		Account withBan(@Nullable WxBan ban, Instant updatedAt) {
			return new Account(this.id, this.tenant, this.phone, this.nickname, this.avatarUrl, ban,
					this.createdAt, updatedAt, this.identities);
		}

		/** The ban in force at an instant: a ban lifts itself at its end. */
		@Nullable WxBan banAt(Instant now) {
			return (this.ban != null && this.ban.isActiveAt(now)) ? this.ban : null;
		}

		WxLinkedIdentity identity(String appid, String openid) {
			return this.identities.stream()
				.filter((identity) -> identity.appid().equals(appid) && identity.openid().equals(openid))
				.findFirst()
				.orElseThrow();
		}

		WxUser seenThrough(WxLinkedIdentity identity) {
			return new WxUser(this.id, identity.appid(), identity.openid(), identity.unionid(),
					(this.phone != null) ? this.phone.phoneNumber() : null,
					(this.phone != null) ? this.phone.countryCode() : null, this.nickname, this.avatarUrl,
					this.createdAt, this.updatedAt);
		}

		WxAccount toWxAccount(Instant now) {
			WxBan inForce = banAt(now);
			return new WxAccount(this.id, this.phone, this.nickname, this.avatarUrl, inForce != null, this.createdAt,
					this.updatedAt, this.identities, this.tenant, inForce);
		}

	}

}
