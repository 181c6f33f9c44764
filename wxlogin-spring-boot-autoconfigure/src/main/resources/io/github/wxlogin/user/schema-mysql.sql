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
