-- Records that a session was used (RedisRefreshTokenStore.touch): its last use moves on, never back, so
-- that its idle timeout starts again. A session that ended (its hash deleted or expired) stays ended.
-- KEYS: the family's session.
-- ARGV: when it was used (epoch ms).
-- Returns 1 when recorded, 0 otherwise.
local used = redis.call('HGET', KEYS[1], 'used')
if not used or tonumber(used) >= tonumber(ARGV[1]) then
	return 0
end
redis.call('HSET', KEYS[1], 'used', ARGV[1])
return 1
