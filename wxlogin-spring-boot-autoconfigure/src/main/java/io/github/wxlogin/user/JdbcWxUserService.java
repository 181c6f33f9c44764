package io.github.wxlogin.user;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxAccountStore.WxPhoneSignIn.Outcome;
import io.github.wxlogin.WxBan;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link WxAccountStore} that keeps accounts in the {@code wx_account} and {@code wx_identity} tables,
 * created by the scripts next to this class (see {@link WxUserSchemaInitializer}).
 * <p>
 * The account rules are left to the tables' keys rather than to read-then-write checks, so they hold
 * across threads and instances: the primary key of {@code wx_identity} gives an identity one account,
 * the unique tenant and phone number of {@code wx_account} give a phone one account of a tenant. A change of several rows runs
 * in one transaction; when a key refuses it because a concurrent change came first, it is decided again
 * on what that change committed.
 */
public class JdbcWxUserService implements WxAccountStore {

	private final AccountTables tables;

	private final RetriedTransactions transactions;

	private volatile Consumer<String> whenDisabled = (userId) -> {
	};

	/**
	 * Create a new JDBC user service.
	 * @param jdbcTemplate the template of the database that holds the tables, with the query timeout to
	 * use
	 * @param clock the clock that stamps creation and update times
	 */
	public JdbcWxUserService(JdbcTemplate jdbcTemplate, Clock clock) {
		this.tables = new AccountTables(JdbcClient.create(jdbcTemplate), clock);
		this.transactions = new RetriedTransactions(
				Objects.requireNonNull(jdbcTemplate.getDataSource(), "jdbcTemplate has no DataSource"));
	}

	@Override
	public WxUserLogin findOrCreate(WxIdentity identity) {
		// A returning user is one query and no transaction
		Optional<WxUser> existing = findByIdentity(identity.appid(), identity.openid());
		if (existing.isPresent()) {
			return new WxUserLogin(recordUnionid(existing.get(), identity.unionid()), false);
		}
		return this.transactions.run(() -> {
			Optional<WxUser> linkedMeanwhile = findByIdentity(identity.appid(), identity.openid());
			if (linkedMeanwhile.isPresent()) {
				return new WxUserLogin(recordUnionid(linkedMeanwhile.get(), identity.unionid()), false);
			}
			String joined = this.tables.accountOfUnionid(identity.tenant(), identity.unionid());
			boolean created = joined == null;
			return new WxUserLogin(link(created ? this.tables.insertAccount(identity.tenant(), null) : joined, identity),
					created);
		});
	}

	@Override
	public Optional<WxUser> findById(String userId) {
		return this.tables.userSeenThroughFirstIdentity(userId);
	}

	@Override
	public Optional<WxUser> findByIdentity(String appid, String openid) {
		return this.tables.userOfIdentity(appid, openid);
	}

	/**
	 * Find the user of a mini program with the given unionid.
	 * @param appid the mini program's AppID
	 * @param unionid the user's unionid
	 * @return the user, seen through its identity in that mini program, or empty when none of the mini
	 * program's identities has this unionid
	 */
	public Optional<WxUser> findByUnionid(String appid, String unionid) {
		return this.tables.userOfUnionid(appid, unionid);
	}

	@Override
	public Optional<WxAccount> findAccount(String userId) {
		return this.tables.account(userId);
	}

	@Override
	public Optional<WxAccount> findByPhone(String tenant, String phoneNumber) {
		return Optional.ofNullable(this.tables.accountOfPhone(tenant, phoneNumber)).flatMap(this::findAccount);
	}

	@Override
	public Optional<WxBan> findBan(String userId) {
		return this.tables.ban(userId);
	}

	@Override
	public WxUser bindPhone(String userId, WxPhone phone) {
		try {
			this.tables.updatePhone(userId, phone);
		}
		catch (DuplicateKeyException ex) {
			// Only the phone changes, so only its unique key can be violated
			throw phoneConflict(ex);
		}
		return user(userId);
	}

	@Override
	public WxUser updateProfile(String userId, WxProfile profile) {
		this.tables.updateProfile(userId, profile);
		return user(userId);
	}

	@Override
	public WxAccount createAccount(String tenant, WxPhone phone) {
		String id;
		try {
			id = this.tables.insertAccount(tenant, phone);
		}
		catch (DuplicateKeyException ex) {
			throw phoneConflict(ex);
		}
		return account(id);
	}

	@Override
	public WxPhoneSignIn signInWithPhone(WxIdentity identity, WxPhone phone) {
		return this.transactions.run(() -> {
			String identityAccount = this.tables.accountOfIdentity(identity.appid(), identity.openid());
			String phoneAccount = this.tables.accountOfPhone(identity.tenant(), phone.phoneNumber());
			Outcome outcome;
			if (identityAccount == null && phoneAccount != null) {
				link(phoneAccount, identity);
				outcome = Outcome.LINKED;
			}
			else if (identityAccount == null) {
				// a phone nobody owned when read: a concurrent claim fails its unique key, and this is decided again
				String joined = this.tables.accountOfUnionid(identity.tenant(), identity.unionid());
				if (joined != null) {
					this.tables.updatePhone(joined, phone);
				}
				link((joined != null) ? joined : this.tables.insertAccount(identity.tenant(), phone), identity);
				outcome = (joined != null) ? Outcome.BOUND : Outcome.CREATED;
			}
			else if (phoneAccount == null) {
				this.tables.updatePhone(identityAccount, phone);
				outcome = Outcome.BOUND;
			}
			else if (phoneAccount.equals(identityAccount)) {
				outcome = Outcome.SIGNED_IN;
			}
			else {
				throw WxAccountException.identityConflict("The WeChat identity and the phone belong to two accounts");
			}
			WxUser user = findByIdentity(identity.appid(), identity.openid()).orElseThrow();
			return new WxPhoneSignIn(recordUnionid(user, identity.unionid()), outcome);
		});
	}

	@Override
	public WxAccount linkIdentity(String userId, WxIdentity identity) {
		WxAccount account = account(userId);
		AccountTenants.requireSameTenant(account.tenant(), identity);
		try {
			this.tables.insertIdentity(userId, identity);
		}
		catch (DuplicateKeyException ex) {
			if (userId.equals(this.tables.accountOfIdentity(identity.appid(), identity.openid()))) {
				return account;
			}
			throw new WxAccountException(WxAccountException.Reason.IDENTITY_CONFLICT,
					"The WeChat identity belongs to another account", ex);
		}
		return account(userId);
	}

	@Override
	public WxAccount unlinkIdentity(String userId, String appid, String openid) {
		return this.transactions.run(() -> {
			// Locks the account, so that concurrent unlinks of its last two identities cannot both succeed
			boolean hasPhone = this.tables.lockAccountWithPhone(userId);
			List<WxLinkedIdentity> identities = this.tables.identities(userId);
			if (identities.stream().noneMatch((linked) -> linked.appid().equals(appid) && linked.openid().equals(openid))) {
				throw new NoSuchElementException("The identity is not linked to account " + userId);
			}
			if (identities.size() == 1 && !hasPhone) {
				throw WxAccountException.lastIdentity();
			}
			this.tables.deleteIdentity(userId, appid, openid);
			return account(userId);
		});
	}

	@Override
	public WxAccount disable(String userId) {
		return disable(userId, WxBan.indefinite());
	}

	@Override
	public WxAccount disable(String userId, WxBan ban) {
		this.tables.updateBan(userId, ban);
		WxAccount disabled = account(userId);
		this.whenDisabled.accept(userId);
		return disabled;
	}

	@Override
	public void whenDisabled(Consumer<String> listener) {
		this.whenDisabled = listener;
	}

	@Override
	public WxAccount enable(String userId) {
		this.tables.updateBan(userId, null);
		return account(userId);
	}

	/** Links an identity to an account and gives the user seen through it. */
	private WxUser link(String accountId, WxIdentity identity) {
		this.tables.insertIdentity(accountId, identity);
		return findByIdentity(identity.appid(), identity.openid()).orElseThrow();
	}

	private WxUser recordUnionid(WxUser user, @Nullable String unionid) {
		if (unionid == null || user.unionid() != null) {
			return user;
		}
		// No row updated means a concurrent login recorded it first; either way the stored row is current
		if (this.tables.recordUnionid(user.appid(), user.openid(), unionid)) {
			this.tables.touch(user.id());
		}
		return findByIdentity(user.appid(), user.openid()).orElseThrow(() -> AccountTables.noSuchAccount(user.id()));
	}

	private WxUser user(String userId) {
		return findById(userId).orElseThrow(() -> AccountTables.noSuchAccount(userId));
	}

	private WxAccount account(String userId) {
		return findAccount(userId).orElseThrow(() -> AccountTables.noSuchAccount(userId));
	}

	private static WxAccountException phoneConflict(DuplicateKeyException cause) {
		return new WxAccountException(WxAccountException.Reason.PHONE_CONFLICT,
				"Phone number is already bound to another user", cause);
	}

}
