-- Deletes a key only when it holds a given value (RedisWxAccessTokenProvider: the fetch lock of its
-- owner, the rejected token that a fetch has dealt with).
-- KEYS: the key.
-- ARGV: the value it must hold.
-- Returns 1 when deleted, 0 otherwise.
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0
