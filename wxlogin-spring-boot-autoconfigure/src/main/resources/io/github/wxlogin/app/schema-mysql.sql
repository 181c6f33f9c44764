-- The mini programs registered at run time (JdbcWxAppRegistry). secret, push_token and
-- push_encoding_aes_key hold AES-GCM ciphertexts; a removed app keeps its row (removed = TRUE, secrets
-- erased) so that other instances learn of the removal. created_at and updated_at come from the database's
-- clock, in UTC (UTC_TIMESTAMP): DATETIME has no time zone.
-- Binary collation: AppIDs are case-sensitive. The index is declared inline because MySQL has no
-- CREATE INDEX IF NOT EXISTS.
CREATE TABLE IF NOT EXISTS wx_app (
	appid VARCHAR(64) NOT NULL,
	tenant VARCHAR(64) NOT NULL,
	secret VARCHAR(512),
	push_token VARCHAR(512),
	push_encoding_aes_key VARCHAR(512),
	enabled BOOLEAN NOT NULL,
	removed BOOLEAN DEFAULT FALSE NOT NULL,
	version BIGINT NOT NULL,
	created_at DATETIME(3) NOT NULL,
	updated_at DATETIME(3) NOT NULL,
	PRIMARY KEY (appid),
	KEY wx_app_updated_idx (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
