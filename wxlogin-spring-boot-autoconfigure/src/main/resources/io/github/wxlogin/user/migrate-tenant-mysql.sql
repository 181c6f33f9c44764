-- Upgrades a wx_account table made before tenants (no tenant column) in place: every account joins the
-- 'default' tenant, ids and everything else kept, and a phone becomes unique inside its tenant rather than
-- across the table. Run it once, after the schema script of your database, on a database whose wx_account
-- has no tenant column; the starter runs it at start-up when user-store.initialize-schema lets it create
-- the tables.
-- One statement: MySQL and MariaDB commit every DDL statement on its own.
ALTER TABLE wx_account
	ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL AFTER id,
	DROP INDEX wx_account_phone_uk,
	ADD UNIQUE KEY wx_account_tenant_phone_uk (tenant, phone_number);
