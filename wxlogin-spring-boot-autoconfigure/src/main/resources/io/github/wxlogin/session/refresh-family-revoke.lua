-- Revokes a refresh-token family: remembers the revocation with its reason and deletes the family's session
-- (RedisRefreshTokenStore.revokeFamily). A family revoked before keeps its first reason.
-- KEYS: the family's revocation, its session (one hash slot: {<familyId>}).
-- ARGV: how long the revocation is kept (ms), the reason's code.
-- Returns 1.
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1], 'NX')
redis.call('DEL', KEYS[2])
return 1
