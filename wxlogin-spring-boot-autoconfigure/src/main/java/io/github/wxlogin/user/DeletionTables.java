package io.github.wxlogin.user;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.github.wxlogin.WxAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of {@link JdbcWxUserService} on the {@code wx_account_deletion} table, which holds the
 * accounts whose deletion is pending and, once purged, what their purge still has to finish, and on the
 * {@code wx_lease} table, which lets one instance at a time purge.
 */
final class DeletionTables {

	/** The lease of the purge of deleted accounts. */
	static final String PURGE_LEASE = "account-purge";

	private final JdbcClient jdbc;

	DeletionTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks an account for deletion, or moves the time of a pending one. */
	void schedule(String accountId, String tenant, Instant purgeAt) {
		int updated = this.jdbc
			.sql("UPDATE wx_account_deletion SET purge_at = :purgeAt WHERE account_id = :id AND purged = FALSE")
			.param("purgeAt", timestamp(purgeAt))
			.param("id", accountId)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO wx_account_deletion (account_id, tenant, purge_at, purged) "
						+ "VALUES (:id, :tenant, :purgeAt, FALSE)")
				.param("id", accountId)
				.param("tenant", tenant)
				.param("purgeAt", timestamp(purgeAt))
				.update();
		}
	}

	/** Cancels a pending deletion: one statement, which finds nothing on almost every login. */
	boolean cancel(String accountId) {
		return this.jdbc.sql("DELETE FROM wx_account_deletion WHERE account_id = :id AND purged = FALSE")
			.param("id", accountId)
			.update() > 0;
	}

	Optional<Instant> scheduledAt(String accountId) {
		return this.jdbc.sql("SELECT purge_at FROM wx_account_deletion WHERE account_id = :id AND purged = FALSE")
			.param("id", accountId)
			.query((rs, row) -> rs.getTimestamp("purge_at").toInstant())
			.optional();
	}

	List<String> due(Instant now, int max) {
		return this.jdbc
			.sql("SELECT account_id FROM wx_account_deletion WHERE purge_at <= :now ORDER BY purge_at, account_id "
					+ "LIMIT :max")
			.param("now", timestamp(now))
			.param("max", max)
			.query(String.class)
			.list();
	}

	/** The deletion of an account, its row locked until the transaction ends. */
	Optional<Deletion> lock(String accountId) {
		return this.jdbc
			.sql("SELECT purge_at, purged, avatar_url, tenant FROM wx_account_deletion WHERE account_id = :id "
					+ "FOR UPDATE")
			.param("id", accountId)
			.query((rs, row) -> new Deletion(rs.getTimestamp("purge_at").toInstant(), rs.getBoolean("purged"),
					rs.getString("avatar_url"), rs.getString("tenant")))
			.optional();
	}

	/** Records that the account's rows are purged, with what the rest of the purge needs. */
	void markPurged(String accountId, @Nullable String avatarUrl) {
		this.jdbc.sql("UPDATE wx_account_deletion SET purged = TRUE, avatar_url = :avatarUrl WHERE account_id = :id")
			.param("avatarUrl", avatarUrl, Types.VARCHAR)
			.param("id", accountId)
			.update();
	}

	/** Forgets a purged account once its purge is finished; a pending deletion stays. */
	void forget(String accountId) {
		this.jdbc.sql("DELETE FROM wx_account_deletion WHERE account_id = :id AND purged = TRUE")
			.param("id", accountId)
			.update();
	}

	void delete(String accountId) {
		this.jdbc.sql("DELETE FROM wx_account_deletion WHERE account_id = :id").param("id", accountId).update();
	}

	/** Takes the lease when it is free or expired, or renews it for its holder. */
	boolean lease(String name, String holder, Instant now, Instant until) {
		int renewed = this.jdbc
			.sql("UPDATE wx_lease SET holder = :holder, expires_at = :until WHERE name = :name "
					+ "AND (holder = :holder OR expires_at <= :now)")
			.param("holder", holder)
			.param("until", timestamp(until))
			.param("name", name)
			.param("now", timestamp(now))
			.update();
		if (renewed > 0) {
			return true;
		}
		try {
			this.jdbc.sql("INSERT INTO wx_lease (name, holder, expires_at) VALUES (:name, :holder, :until)")
				.param("name", name)
				.param("holder", holder)
				.param("until", timestamp(until))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			// held by another instance
			return false;
		}
	}

	// Milliseconds, the precision of the time columns
	private static Timestamp timestamp(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * A deletion as stored.
	 *
	 * @param purgeAt when the account may be purged
	 * @param purged whether its rows are purged already
	 * @param avatarUrl its avatar, once purged
	 * @param tenant its tenant
	 */
	record Deletion(Instant purgeAt, boolean purged, @Nullable String avatarUrl, String tenant) {

		WxAccount purgedAccount(String accountId) {
			return new WxAccount(accountId, null, null, this.avatarUrl, false, this.purgeAt, this.purgeAt, List.of(),
					this.tenant);
		}

	}

}
