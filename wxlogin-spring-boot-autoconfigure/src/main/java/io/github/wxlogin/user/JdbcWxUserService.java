package io.github.wxlogin.user;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.wxlogin.IdentityConflictException;
import io.github.wxlogin.PhoneConflictException;
import io.github.wxlogin.UnlinkRefusedException;
import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountService;
import io.github.wxlogin.WxAccountService.WxPhoneSignIn.Outcome;
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
 * {@link WxAccountService} that keeps accounts in the {@code wx_account} and {@code wx_identity} tables,
 * created by the scripts next to this class (see {@link WxUserSchemaInitializer}).
 * <p>
 * The account rules are left to the tables' keys rather than to read-then-write checks, so they hold
 * across threads and instances: the primary key of {@code wx_identity} gives an identity one account,
 * the unique phone number of {@code wx_account} gives a phone one account. A change of several rows runs
 * in one transaction; when a key refuses it because a concurrent change came first, it is decided again
 * on what that change committed.
 */
public class JdbcWxUserService implements WxAccountService {

	private static final String SELECT_USER = "SELECT a.id, i.appid, i.openid, i.unionid, a.phone_number, "
			+ "a.country_code, a.nickname, a.avatar_url, a.created_at, a.updated_at "
			+ "FROM wx_identity i JOIN wx_account a ON a.id = i.account_id";

	/** The identity linked first, with a tie broken the same way on every database. */
	private static final String FIRST_LINKED = " ORDER BY i.linked_at, i.appid, i.openid LIMIT 1";

	private final JdbcClient jdbcClient;

	private final RetriedTransactions transactions;

	private final Clock clock;

	/**
	 * Create a new JDBC user service.
	 * @param jdbcTemplate the template of the database that holds the tables, with the query timeout to
	 * use
	 * @param clock the clock that stamps creation and update times
	 */
	public JdbcWxUserService(JdbcTemplate jdbcTemplate, Clock clock) {
		DataSource dataSource = Objects.requireNonNull(jdbcTemplate.getDataSource(), "jdbcTemplate has no DataSource");
		this.jdbcClient = JdbcClient.create(jdbcTemplate);
		this.transactions = new RetriedTransactions(dataSource);
		this.clock = clock;
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
			String joined = accountOfUnionid(identity.unionid());
			if (joined != null) {
				return new WxUserLogin(link(joined, identity), false);
			}
			return new WxUserLogin(link(insertAccount(null), identity), true);
		});
	}

	@Override
	public Optional<WxUser> findById(String userId) {
		return this.jdbcClient.sql(SELECT_USER + " WHERE a.id = :id" + FIRST_LINKED)
			.param("id", userId)
			.query(AccountRows::user)
			.optional();
	}

	@Override
	public Optional<WxUser> findByIdentity(String appid, String openid) {
		return this.jdbcClient.sql(SELECT_USER + " WHERE i.appid = :appid AND i.openid = :openid")
			.param("appid", appid)
			.param("openid", openid)
			.query(AccountRows::user)
			.optional();
	}

	/**
	 * Find the user of a mini program with the given unionid.
	 * @param appid the mini program's AppID
	 * @param unionid the user's unionid
	 * @return the user, seen through its identity in that mini program, or empty when none of the mini
	 * program's identities has this unionid
	 */
	public Optional<WxUser> findByUnionid(String appid, String unionid) {
		return this.jdbcClient.sql(SELECT_USER + " WHERE i.appid = :appid AND i.unionid = :unionid" + FIRST_LINKED)
			.param("appid", appid)
			.param("unionid", unionid)
			.query(AccountRows::user)
			.optional();
	}

	@Override
	public Optional<WxAccount> findAccount(String userId) {
		return this.jdbcClient.sql(AccountRows.SELECT_ACCOUNT + " WHERE id = :id")
			.param("id", userId)
			.query(AccountRows::account)
			.optional()
			.map((account) -> AccountRows.withIdentities(account, identitiesOf(userId)));
	}

	@Override
	public Optional<WxAccount> findByPhone(String phoneNumber) {
		return accountOfPhone(phoneNumber).flatMap(this::findAccount);
	}

	@Override
	public boolean isDisabled(String userId) {
		return this.jdbcClient.sql("SELECT disabled FROM wx_account WHERE id = :id")
			.param("id", userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Override
	public WxUser bindPhone(String userId, WxPhone phone) {
		try {
			updatePhone(userId, phone);
		}
		catch (DuplicateKeyException ex) {
			// Only the phone changes, so only its unique key can be violated
			throw phoneConflict(ex);
		}
		return findById(userId).orElseThrow(() -> noSuchUser(userId));
	}

	@Override
	public WxUser updateProfile(String userId, WxProfile profile) {
		int updated = this.jdbcClient
			.sql("UPDATE wx_account SET nickname = COALESCE(:nickname, nickname), "
					+ "avatar_url = COALESCE(:avatarUrl, avatar_url), updated_at = :updatedAt WHERE id = :id")
			.param("nickname", profile.nickname(), Types.VARCHAR)
			.param("avatarUrl", profile.avatarUrl(), Types.VARCHAR)
			.param("updatedAt", timestamp(now()))
			.param("id", userId)
			.update();
		if (updated == 0) {
			throw noSuchUser(userId);
		}
		return findById(userId).orElseThrow(() -> noSuchUser(userId));
	}

	@Override
	public WxAccount createAccount(WxPhone phone) {
		String id;
		try {
			id = insertAccount(phone);
		}
		catch (DuplicateKeyException ex) {
			throw phoneConflict(ex);
		}
		return findAccount(id).orElseThrow(() -> noSuchUser(id));
	}

	@Override
	public WxPhoneSignIn signInWithPhone(WxIdentity identity, WxPhone phone) {
		return this.transactions.run(() -> {
			String identityAccount = accountOfIdentity(identity.appid(), identity.openid());
			String phoneAccount = accountOfPhone(phone.phoneNumber()).orElse(null);
			Outcome outcome;
			if (identityAccount == null && phoneAccount != null) {
				link(phoneAccount, identity);
				outcome = Outcome.LINKED;
			}
			else if (identityAccount == null) {
				String joined = accountOfUnionid(identity.unionid());
				outcome = (joined != null) ? Outcome.BOUND : Outcome.CREATED;
				link((joined != null) ? bindNewPhone(joined, phone) : insertAccount(phone), identity);
			}
			else if (phoneAccount == null) {
				recordUnionid(identity);
				bindNewPhone(identityAccount, phone);
				outcome = Outcome.BOUND;
			}
			else if (phoneAccount.equals(identityAccount)) {
				recordUnionid(identity);
				outcome = Outcome.SIGNED_IN;
			}
			else {
				throw new IdentityConflictException("The WeChat identity and the phone belong to two accounts");
			}
			WxUser user = findByIdentity(identity.appid(), identity.openid()).orElseThrow();
			return new WxPhoneSignIn(user, outcome);
		});
	}

	@Override
	public WxAccount linkIdentity(String userId, WxIdentity identity) {
		requireAccount(userId);
		try {
			link(userId, identity);
		}
		catch (DuplicateKeyException ex) {
			if (!userId.equals(accountOfIdentity(identity.appid(), identity.openid()))) {
				IdentityConflictException conflict = new IdentityConflictException(
						"The WeChat identity belongs to another account");
				conflict.initCause(ex);
				throw conflict;
			}
		}
		return findAccount(userId).orElseThrow(() -> noSuchUser(userId));
	}

	@Override
	public WxAccount unlinkIdentity(String userId, String appid, String openid) {
		return this.transactions.run(() -> {
			// Locks the account, so that concurrent unlinks of its last two identities cannot both succeed
			boolean hasPhone = this.jdbcClient
				.sql("SELECT phone_number FROM wx_account WHERE id = :id FOR UPDATE")
				.param("id", userId)
				.query((rs, row) -> rs.getString("phone_number") != null)
				.optional()
				.orElseThrow(() -> noSuchUser(userId));
			List<WxLinkedIdentity> identities = identitiesOf(userId);
			if (identities.stream().noneMatch((linked) -> linked.appid().equals(appid) && linked.openid().equals(openid))) {
				throw new NoSuchElementException("The identity is not linked to account " + userId);
			}
			if (identities.size() == 1 && !hasPhone) {
				throw new UnlinkRefusedException();
			}
			this.jdbcClient.sql("DELETE FROM wx_identity WHERE appid = :appid AND openid = :openid AND account_id = :id")
				.param("appid", appid)
				.param("openid", openid)
				.param("id", userId)
				.update();
			return findAccount(userId).orElseThrow(() -> noSuchUser(userId));
		});
	}

	@Override
	public WxAccount disable(String userId) {
		return setDisabled(userId, true);
	}

	@Override
	public WxAccount enable(String userId) {
		return setDisabled(userId, false);
	}

	private WxAccount setDisabled(String userId, boolean disabled) {
		int updated = this.jdbcClient.sql("UPDATE wx_account SET disabled = :disabled, updated_at = :updatedAt WHERE id = :id")
			.param("disabled", disabled)
			.param("updatedAt", timestamp(now()))
			.param("id", userId)
			.update();
		if (updated == 0) {
			throw noSuchUser(userId);
		}
		return findAccount(userId).orElseThrow(() -> noSuchUser(userId));
	}

	private String insertAccount(@Nullable WxPhone phone) {
		String id = UUID.randomUUID().toString();
		Timestamp now = timestamp(now());
		this.jdbcClient
			.sql("INSERT INTO wx_account (id, phone_number, pure_phone_number, country_code, disabled, created_at, "
					+ "updated_at) VALUES (:id, :phoneNumber, :purePhoneNumber, :countryCode, FALSE, :now, :now)")
			.param("id", id)
			.param("phoneNumber", (phone != null) ? phone.phoneNumber() : null, Types.VARCHAR)
			.param("purePhoneNumber", (phone != null) ? phone.purePhoneNumber() : null, Types.VARCHAR)
			.param("countryCode", (phone != null) ? phone.countryCode() : null, Types.VARCHAR)
			.param("now", now)
			.update();
		return id;
	}

	/** Links an identity to an account and gives the user seen through it. */
	private WxUser link(String accountId, WxIdentity identity) {
		this.jdbcClient
			.sql("INSERT INTO wx_identity (appid, openid, account_id, unionid, linked_at) "
					+ "VALUES (:appid, :openid, :accountId, :unionid, :linkedAt)")
			.param("appid", identity.appid())
			.param("openid", identity.openid())
			.param("accountId", accountId)
			.param("unionid", identity.unionid(), Types.VARCHAR)
			.param("linkedAt", timestamp(now()))
			.update();
		return findByIdentity(identity.appid(), identity.openid()).orElseThrow();
	}

	/** Binds a phone nobody owned when it was read; a concurrent claim fails the phone's unique key. */
	private String bindNewPhone(String accountId, WxPhone phone) {
		updatePhone(accountId, phone);
		return accountId;
	}

	private void updatePhone(String accountId, WxPhone phone) {
		int updated = this.jdbcClient
			.sql("UPDATE wx_account SET phone_number = :phoneNumber, pure_phone_number = :purePhoneNumber, "
					+ "country_code = :countryCode, updated_at = :updatedAt WHERE id = :id")
			.param("phoneNumber", phone.phoneNumber())
			.param("purePhoneNumber", phone.purePhoneNumber())
			.param("countryCode", phone.countryCode())
			.param("updatedAt", timestamp(now()))
			.param("id", accountId)
			.update();
		if (updated == 0) {
			throw noSuchUser(accountId);
		}
	}

	private void recordUnionid(WxIdentity identity) {
		findByIdentity(identity.appid(), identity.openid())
			.ifPresent((user) -> recordUnionid(user, identity.unionid()));
	}

	private WxUser recordUnionid(WxUser user, @Nullable String unionid) {
		if (unionid == null || user.unionid() != null) {
			return user;
		}
		// No row updated means a concurrent login recorded it first; either way the stored row is current
		int updated = this.jdbcClient
			.sql("UPDATE wx_identity SET unionid = :unionid WHERE appid = :appid AND openid = :openid "
					+ "AND unionid IS NULL")
			.param("unionid", unionid)
			.param("appid", user.appid())
			.param("openid", user.openid())
			.update();
		if (updated > 0) {
			this.jdbcClient.sql("UPDATE wx_account SET updated_at = :updatedAt WHERE id = :id")
				.param("updatedAt", timestamp(now()))
				.param("id", user.id())
				.update();
		}
		return findByIdentity(user.appid(), user.openid()).orElseThrow(() -> noSuchUser(user.id()));
	}

	private @Nullable String accountOfIdentity(String appid, String openid) {
		return this.jdbcClient.sql("SELECT account_id FROM wx_identity WHERE appid = :appid AND openid = :openid")
			.param("appid", appid)
			.param("openid", openid)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private Optional<String> accountOfPhone(String phoneNumber) {
		return this.jdbcClient.sql("SELECT id FROM wx_account WHERE phone_number = :phoneNumber")
			.param("phoneNumber", phoneNumber)
			.query(String.class)
			.optional();
	}

	/** The account of the identity linked first among those with this unionid, if any. */
	private @Nullable String accountOfUnionid(@Nullable String unionid) {
		if (unionid == null) {
			return null;
		}
		return this.jdbcClient
			.sql("SELECT i.account_id FROM wx_identity i WHERE i.unionid = :unionid" + FIRST_LINKED)
			.param("unionid", unionid)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private List<WxLinkedIdentity> identitiesOf(String accountId) {
		return this.jdbcClient
			.sql("SELECT i.appid, i.openid, i.unionid, i.linked_at FROM wx_identity i WHERE i.account_id = :id "
					+ "ORDER BY i.linked_at, i.appid, i.openid")
			.param("id", accountId)
			.query(AccountRows::identity)
			.list();
	}

	private void requireAccount(String userId) {
		if (this.jdbcClient.sql("SELECT COUNT(*) FROM wx_account WHERE id = :id")
			.param("id", userId)
			.query(Integer.class)
			.single() == 0) {
			throw noSuchUser(userId);
		}
	}

	// Milliseconds, the precision of the time columns
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant);
	}

	private static PhoneConflictException phoneConflict(DuplicateKeyException cause) {
		PhoneConflictException conflict = new PhoneConflictException();
		conflict.initCause(cause);
		return conflict;
	}

	private static NoSuchElementException noSuchUser(String userId) {
		return new NoSuchElementException("No user with id " + userId);
	}

}
