-- Appends a revocation to the stream every instance follows and drops those whose tokens have all
-- expired (RedisTokenRevocationStore.revoke). The oldest id kept is reckoned on Redis' own clock, the one
-- that dates the stream's ids, whatever the instance's clock says.
-- KEYS: the stream.
-- ARGV: how long an entry is worth keeping (ms), the jti, its expiry (epoch ms), the reason's code.
-- Returns the id of the entry appended.
local now = redis.call('TIME')
local oldest = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(ARGV[1])
return redis.call('XADD', KEYS[1], 'MINID', '~', string.format('%d-0', math.max(oldest, 0)), '*',
	'jti', ARGV[2], 'exp', ARGV[3], 'reason', ARGV[4])
