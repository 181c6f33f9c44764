-- Binary collation: openids and unionids are case-sensitive. utf8mb4: nicknames may hold emoji.
-- The unionid index is declared inline because MySQL has no CREATE INDEX IF NOT EXISTS.
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
	created_at DATETIME(3) NOT NULL,
	updated_at DATETIME(3) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY wx_user_openid_uk (appid, openid),
	UNIQUE KEY wx_user_phone_uk (appid, phone_number),
	KEY wx_user_unionid_idx (appid, unionid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
