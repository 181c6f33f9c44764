CREATE TABLE IF NOT EXISTS wx_user (
	id VARCHAR(36) NOT NULL,
	appid VARCHAR(64) NOT NULL,
	openid VARCHAR(128) NOT NULL,
	unionid VARCHAR(128),
	phone_number VARCHAR(32),
	pure_phone_number VARCHAR(32),
	country_code VARCHAR(8),
	nickname VARCHAR(64),
	avatar_url VARCHAR(1024),
	created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
	CONSTRAINT wx_user_pk PRIMARY KEY (id),
	CONSTRAINT wx_user_openid_uk UNIQUE (appid, openid),
	CONSTRAINT wx_user_phone_uk UNIQUE (appid, phone_number)
);

CREATE INDEX IF NOT EXISTS wx_user_unionid_idx ON wx_user (appid, unionid);
