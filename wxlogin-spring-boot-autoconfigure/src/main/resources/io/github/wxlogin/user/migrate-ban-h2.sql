-- Upgrades a wx_account table made before timed bans (no disabled_until column) in place: the end and the
-- reason of a ban are added, empty, so an account disabled before stays disabled until it is enabled. Run it
-- once, after the schema script of your database, on a database whose wx_account has no disabled_until
-- column; the starter runs it at start-up when user-store.initialize-schema lets it create the tables.
ALTER TABLE wx_account ADD COLUMN disabled_until TIMESTAMP(3) WITH TIME ZONE;

ALTER TABLE wx_account ADD COLUMN disabled_reason VARCHAR(64);
