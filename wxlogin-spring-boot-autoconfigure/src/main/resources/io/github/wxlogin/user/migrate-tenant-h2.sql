-- Upgrades a wx_account table made before tenants (no tenant column) in place: every account joins the
-- 'default' tenant, ids and everything else kept, and a phone becomes unique inside its tenant rather than
-- across the table. Run it once, after the schema script of your database, on a database whose wx_account
-- has no tenant column; the starter runs it at start-up when user-store.initialize-schema lets it create
-- the tables.
ALTER TABLE wx_account ADD COLUMN tenant VARCHAR(64) DEFAULT 'default' NOT NULL;

ALTER TABLE wx_account DROP CONSTRAINT wx_account_phone_uk;

ALTER TABLE wx_account ADD CONSTRAINT wx_account_tenant_phone_uk UNIQUE (tenant, phone_number);
