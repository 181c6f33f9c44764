-- Copies the users of the single-table layout (wx_user) into wx_account and wx_identity, keeping their
-- ids, so that issued tokens stay valid. Run it after the schema script of your database, in one
-- transaction. It copies only users not copied yet, so running it again is harmless; wx_user is left
-- as it is (drop it once the new tables serve your application).
-- A phone now belongs to one account across mini programs: if wx_user binds one number to users of
-- several mini programs, the first INSERT fails; keep each number on one user first.
INSERT INTO wx_account (id, phone_number, pure_phone_number, country_code, nickname, avatar_url, disabled,
		created_at, updated_at)
	SELECT u.id, u.phone_number, u.pure_phone_number, u.country_code, u.nickname, u.avatar_url, FALSE,
		u.created_at, u.updated_at
	FROM wx_user u
	WHERE NOT EXISTS (SELECT 1 FROM wx_account a WHERE a.id = u.id);

INSERT INTO wx_identity (appid, openid, account_id, unionid, linked_at)
	SELECT u.appid, u.openid, u.id, u.unionid, u.created_at
	FROM wx_user u
	WHERE NOT EXISTS (SELECT 1 FROM wx_identity i WHERE i.appid = u.appid AND i.openid = u.openid);
