-- Starts a refresh-token family: its first token and its session (RedisRefreshTokenStore.save).
-- A family revoked already (by an end-all at the same time) is not started.
-- KEYS: the first token, the family's session, the family's revocation (one hash slot: {<familyId>}).
-- ARGV: their time to live (ms), the number n of the token's fields and values that follow, the token's
-- fields and values, then the session's.
-- Returns 1 when saved, 0 when the family was revoked.
if redis.call('EXISTS', KEYS[3]) == 1 then
	return 0
end
local n = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], unpack(ARGV, 3, 2 + n))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], unpack(ARGV, 3 + n))
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1
