-- Spends a refresh token for its successor, in one round trip (RedisRefreshTokenStore.rotate).
-- The successor stands for what the presented token did and is written from its fields, so nothing is
-- read before this one call. The spent token keeps its successor's hash and the session's last use and
-- expiry before the spend, so that refresh-token-undo-rotation.lua can put everything back; the same
-- rotation sent twice (a reply lost with its connection), while its successor is the family's live token,
-- is answered as rotated rather than taken for a reuse. The spent token also keeps when it was spent ('spent-at'), its successor's expiry and, when the
-- caller gives it, the successor sealed under a key derived from the presented token ('sealed': no dump
-- of Redis reveals the successor), and the session names the family's live token ('head'): a spent token
-- presented for another successor within the reuse interval, while its family is not revoked and its
-- successor is still the live token, is answered 'replayed' with that successor and nothing changes (a
-- reply lost on a weak network, retried); otherwise it revokes its family. The session keeps until when
-- the account's index holds the family ('indexed'): a rotation whose successor would outlive that is not
-- made and answered 'unindexed', for the caller to raise the index first, as for a new family.
-- A family revoked keeps its reason's code as the revocation's value ('1' before reasons were kept); a refused
-- token whose family was revoked is answered with that code, one that expired with 'expired'. A session not
-- used (refreshed, or touched by session-touch.lua) for longer than the idle timeout is revoked with
-- 'idle_timeout' instead of rotated.
-- KEYS: the presented token, its successor, the family's revocation, the family's session (one hash
-- slot: {<familyId>}).
-- ARGV: now (epoch ms), the family revocation's time to live (ms), the successor's time to live (ms),
-- the successor's expiry (epoch ms), the successor's hash, until when (epoch ms) the account's index
-- holds the family by a raise the caller just made, or 0, the sealed successor or '' (never replayed),
-- the reuse interval (ms), and the idle timeout (ms, 0 for none).
-- Returns the outcome ('rotated', 'replayed', 'reused', 'idle', 'unindexed' or 'refused') followed, unless the
-- token is unknown or refused, by the presented token's family, user, openid, appid, expiry and tenant
-- ('' for a token saved before tenants, which the caller reads as the default tenant); for 'replayed',
-- then by the stored successor's hash, expiry and sealed form; for 'reused', then by the family revocation's
-- reason. 'refused' is followed by the reason when the token is known: the family revocation's, or
-- 'expired'.
local token = redis.call('HMGET', KEYS[1], 'family', 'user', 'openid', 'appid', 'expires', 'spent', 'next',
	'spent-at', 'next-expires', 'sealed', 'tenant')
if not token[5] then
	return {'refused'}
end
local tenant = token[11] or ''
local grant = {token[1], token[2], token[3], token[4], token[5], tenant}
if token[6] == '1' then
	if token[7] == ARGV[5] and redis.call('HGET', KEYS[4], 'head') == token[7] then
		local revoked = redis.call('GET', KEYS[3])
		if revoked then
			return {'refused', revoked}
		end
		return {'rotated', unpack(grant)}
	end
	if token[8] and token[9] and token[10] and tonumber(ARGV[1]) < tonumber(token[8]) + tonumber(ARGV[8])
			and redis.call('EXISTS', KEYS[3]) == 0 and redis.call('HGET', KEYS[4], 'head') == token[7] then
		return {'replayed', token[1], token[2], token[3], token[4], token[5], tenant, token[7], token[9], token[10]}
	end
	redis.call('SET', KEYS[3], 'reuse_detected', 'PX', ARGV[2], 'NX')
	redis.call('DEL', KEYS[4])
	return {'reused', token[1], token[2], token[3], token[4], token[5], tenant, redis.call('GET', KEYS[3])}
end
local revoked = redis.call('GET', KEYS[3])
if revoked then
	return {'refused', revoked}
end
if tonumber(token[5]) <= tonumber(ARGV[1]) then
	return {'refused', 'expired'}
end
local session = redis.call('HMGET', KEYS[4], 'used', 'expires', 'indexed')
if tonumber(ARGV[9]) > 0 and session[1] and tonumber(session[1]) + tonumber(ARGV[9]) <= tonumber(ARGV[1]) then
	redis.call('SET', KEYS[3], 'idle_timeout', 'PX', ARGV[2], 'NX')
	redis.call('DEL', KEYS[4])
	return {'idle', unpack(grant)}
end
local indexed = session[3] or '0'
if tonumber(ARGV[6]) > tonumber(indexed) then
	indexed = ARGV[6]
end
if tonumber(indexed) < tonumber(ARGV[4]) then
	return {'unindexed', unpack(grant)}
end
redis.call('HSET', KEYS[1], 'spent', '1', 'next', ARGV[5], 'spent-at', ARGV[1], 'next-expires', ARGV[4])
if ARGV[7] ~= '' then
	redis.call('HSET', KEYS[1], 'sealed', ARGV[7])
end
if session[1] and session[2] then
	redis.call('HSET', KEYS[1], 'was-used', session[1], 'was-expires', session[2])
	redis.call('HSET', KEYS[4], 'used', ARGV[1], 'expires', ARGV[4], 'indexed', indexed, 'head', ARGV[5])
	redis.call('PEXPIRE', KEYS[4], ARGV[3])
end
redis.call('HSET', KEYS[2], 'family', token[1], 'user', token[2], 'openid', token[3], 'appid', token[4],
	'expires', ARGV[4], 'spent', '0')
if tenant ~= '' then
	redis.call('HSET', KEYS[2], 'tenant', tenant)
end
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return {'rotated', unpack(grant)}
