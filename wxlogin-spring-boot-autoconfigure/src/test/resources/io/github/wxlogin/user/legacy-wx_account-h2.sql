-- An account owns any number of WeChat identities and at most one phone (unique across mini programs).
CREATE TABLE IF NOT EXISTS wx_account (
	id VARCHAR(36) NOT NULL,
	phone_number VARCHAR(32),
	pure_phone_number VARCHAR(32),
	country_code VARCHAR(8),
	nickname VARCHAR(64),
	avatar_url VARCHAR(1024),
	disabled BOOLEAN DEFAULT FALSE NOT NULL,
	created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
	CONSTRAINT wx_account_pk PRIMARY KEY (id),
	CONSTRAINT wx_account_phone_uk UNIQUE (phone_number)
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
