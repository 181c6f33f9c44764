-- Remembers the access token WeChat rejected and deletes the stored token only when it is that one
-- (RedisWxAccessTokenProvider.invalidate). The stored value is '<expiresAtEpochMillis>|<token>'.
-- KEYS: the stored token, the rejected token (one hash slot: {<appid>}).
-- ARGV: the rejected token, how long to remember it (ms).
-- Returns 1 when the stored token was deleted, 0 otherwise.
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
local stored = redis.call('GET', KEYS[1])
if stored then
	local separator = string.find(stored, '|', 1, true)
	if separator and string.sub(stored, separator + 1) == ARGV[1] then
		return redis.call('DEL', KEYS[1])
	end
end
return 0
