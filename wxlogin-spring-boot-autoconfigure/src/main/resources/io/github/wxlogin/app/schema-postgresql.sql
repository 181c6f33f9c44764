-- The mini programs registered at run time (JdbcWxAppRegistry). secret, push_token and
-- push_encoding_aes_key hold AES-GCM ciphertexts; a removed app keeps its row (removed = TRUE, secrets
-- erased) so that other instances learn of the removal. updated_at comes from the database's clock.
CREATE TABLE IF NOT EXISTS wx_app (
	appid VARCHAR(64) NOT NULL,
	tenant VARCHAR(64) NOT NULL,
	secret VARCHAR(512),
	push_token VARCHAR(512),
	push_encoding_aes_key VARCHAR(512),
	enabled BOOLEAN NOT NULL,
	removed BOOLEAN DEFAULT FALSE NOT NULL,
	version BIGINT NOT NULL,
	created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
	CONSTRAINT wx_app_pk PRIMARY KEY (appid)
);

CREATE INDEX IF NOT EXISTS wx_app_updated_idx ON wx_app (updated_at);
