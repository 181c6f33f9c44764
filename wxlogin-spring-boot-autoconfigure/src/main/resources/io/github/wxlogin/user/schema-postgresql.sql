-- An account belongs to a tenant and owns any number of WeChat identities of the tenant's mini programs and
-- at most one phone (unique inside the tenant, across its mini programs). A disabled account stays so until
-- disabled_until (none: until it is enabled); disabled_reason is the host's code for the ban.
CREATE TABLE IF NOT EXISTS wx_account (
	id VARCHAR(36) NOT NULL,
	tenant VARCHAR(64) DEFAULT 'default' NOT NULL,
	phone_number VARCHAR(32),
	pure_phone_number VARCHAR(32),
	country_code VARCHAR(8),
	nickname VARCHAR(64),
	avatar_url VARCHAR(1024),
	disabled BOOLEAN DEFAULT FALSE NOT NULL,
	disabled_until TIMESTAMP(3) WITH TIME ZONE,
	disabled_reason VARCHAR(64),
	created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
	CONSTRAINT wx_account_pk PRIMARY KEY (id),
	CONSTRAINT wx_account_tenant_phone_uk UNIQUE (tenant, phone_number)
);

CREATE TABLE IF NOT EXISTS wx_identity (
	appid VARCHAR(64) NOT NULL,
	openid VARCHAR(128) NOT NULL,
	account_id VARCHAR(36) NOT NULL,
	unionid VARCHAR(128),
	linked_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
	CONSTRAINT wx_identity_pk PRIMARY KEY (appid, openid),
	CONSTRAINT wx_identity_account_fk FOREIGN KEY (account_id) REFERENCES wx_account (id)
);

CREATE INDEX IF NOT EXISTS wx_identity_account_idx ON wx_identity (account_id);

CREATE INDEX IF NOT EXISTS wx_identity_unionid_idx ON wx_identity (unionid, appid);
