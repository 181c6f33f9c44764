-- Makes a family a member of an account's session index until at least a given instant
-- (RedisSessionIndex.raise): drops the members whose score passed, raises the family's score (never
-- lowers it), and keeps the sorted set as long as its last member.
-- KEYS: the index.
-- ARGV: now (epoch ms), the family, until when it is held (epoch ms).
-- Returns 1.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local current = redis.call('ZSCORE', KEYS[1], ARGV[2])
if not current or tonumber(current) < tonumber(ARGV[3]) then
	redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], math.max(1, tonumber(last[2]) - tonumber(ARGV[1])))
return 1
