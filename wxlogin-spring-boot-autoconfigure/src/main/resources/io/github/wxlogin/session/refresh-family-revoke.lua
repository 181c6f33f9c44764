-- Revokes a refresh-token family: remembers the revocation and deletes the family's session
-- (RedisRefreshTokenStore.revokeFamily).
-- KEYS: the family's revocation, its session (one hash slot: {<familyId>}).
-- ARGV: how long the revocation is kept (ms).
-- Returns 1.
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
redis.call('DEL', KEYS[2])
return 1
