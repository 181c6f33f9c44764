-- Puts back the token that refresh-token-rotate.lua spent, unless its successor was spent since or its
-- family revoked: the token unspent (its successor's hash, sealed form and the time of the spend gone),
-- the successor gone, the session's last use and expiry as they were and the token the family's live one
-- again (RedisRefreshTokenStore.undoRotation).
-- KEYS: those of refresh-token-rotate.lua: the presented token, its successor, the family's revocation,
-- the family's session (one hash slot: {<familyId>}).
-- ARGV: the successor's hash, the presented token's hash.
-- Returns 1 when put back, 0 otherwise.
local token = redis.call('HMGET', KEYS[1], 'spent', 'next', 'was-used', 'was-expires')
if token[1] ~= '1' or token[2] ~= ARGV[1] or redis.call('HGET', KEYS[2], 'spent') ~= '0'
		or redis.call('EXISTS', KEYS[3]) == 1 then
	return 0
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'spent', '0')
redis.call('HDEL', KEYS[1], 'next', 'was-used', 'was-expires', 'spent-at', 'next-expires', 'sealed')
if token[3] and token[4] and redis.call('EXISTS', KEYS[4]) == 1 then
	redis.call('HSET', KEYS[4], 'used', token[3], 'expires', token[4], 'head', ARGV[2])
	redis.call('PEXPIREAT', KEYS[4], token[4])
end
return 1
