-- Adds account deletion to a database made before it: two new tables, and no change to wx_account or
-- wx_identity. The schema script of your database creates them too (it creates only what is missing); this
-- script is for a schema you manage yourself (user-store.initialize-schema=never, Flyway, Liquibase).

-- An account its user asked to delete: purged once purge_at has passed, unless a login cancels it first. Once
-- the account's own rows are purged (purged = TRUE), this row keeps what the rest of the purge needs until it
-- is done.
CREATE TABLE IF NOT EXISTS wx_account_deletion (
	account_id VARCHAR(36) NOT NULL,
	tenant VARCHAR(64) NOT NULL,
	purge_at DATETIME(3) NOT NULL,
	purged BOOLEAN DEFAULT FALSE NOT NULL,
	avatar_url VARCHAR(1024),
	PRIMARY KEY (account_id),
	KEY wx_account_deletion_due_idx (purge_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Leases that let one instance at a time run a job, such as the purge of deleted accounts.
CREATE TABLE IF NOT EXISTS wx_lease (
	name VARCHAR(64) NOT NULL,
	holder VARCHAR(64) NOT NULL,
	expires_at DATETIME(3) NOT NULL,
	PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
