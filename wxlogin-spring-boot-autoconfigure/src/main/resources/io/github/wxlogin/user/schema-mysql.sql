-- An account belongs to a tenant and owns any number of WeChat identities of the tenant's mini programs and
-- at most one phone (unique inside the tenant, across its mini programs). A disabled account stays so until
-- disabled_until (none: until it is enabled); disabled_reason is the host's code for the ban.
-- Binary collation: openids and unionids are case-sensitive. utf8mb4: nicknames may hold emoji.
-- Indexes are declared inline because MySQL has no CREATE INDEX IF NOT EXISTS.
CREATE TABLE IF NOT EXISTS wx_account (
	id VARCHAR(36) NOT NULL,
	tenant VARCHAR(64) DEFAULT 'default' NOT NULL,
	phone_number VARCHAR(32),
	pure_phone_number VARCHAR(32),
	country_code VARCHAR(8),
	nickname VARCHAR(64),
	avatar_url VARCHAR(1024),
	disabled BOOLEAN DEFAULT FALSE NOT NULL,
	disabled_until DATETIME(3),
	disabled_reason VARCHAR(64),
	created_at DATETIME(3) NOT NULL,
	updated_at DATETIME(3) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY wx_account_tenant_phone_uk (tenant, phone_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS wx_identity (
	appid VARCHAR(64) NOT NULL,
	openid VARCHAR(128) NOT NULL,
	account_id VARCHAR(36) NOT NULL,
	unionid VARCHAR(128),
	linked_at DATETIME(3) NOT NULL,
	PRIMARY KEY (appid, openid),
	KEY wx_identity_account_idx (account_id),
	KEY wx_identity_unionid_idx (unionid, appid),
	CONSTRAINT wx_identity_account_fk FOREIGN KEY (account_id) REFERENCES wx_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- An account its user asked to delete: purged once purge_at has passed, unless a login cancels it first. Once
-- the account's own rows are purged (purged = TRUE), this row keeps what the rest of the purge needs until it
-- is done. New with account deletion: an existing database gets it from this script, which creates only what
-- is missing.
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
