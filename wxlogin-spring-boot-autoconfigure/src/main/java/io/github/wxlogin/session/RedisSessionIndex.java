package io.github.wxlogin.session;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The index of an account's refresh-token families in Redis: the sorted set
 * {@code <prefix>refresh-sessions:<accountId>} whose members are family ids, each scored with the epoch
 * milliseconds until when the index holds the family, no earlier than the family expires; the set
 * expires with its last member.
 * <p>
 * A family's own keys share the hash tag {@code {<familyId>}}, and one account's families spread over
 * every slot of a Redis Cluster, so the index cannot be written in the same script as a family. It is
 * written <em>before</em> the family instead: when the family starts, and before a rotation whose
 * successor would outlive what the index holds (the family's session keeps that score, so the rotation
 * script tells), and a score only ever rises. The store writes a score one refresh-token lifetime beyond
 * the family's expiry, so that most rotations leave the index alone. Hence every family that can still
 * be refreshed is a member with a score no earlier than its expiry, and a list or end-all that reads the
 * index finds it. What the index holds beyond that (a family whose write failed after the index's, that
 * expired or was revoked or ended since) is harmless: the family's own keys are read for every member and
 * decide alone whether its session is live. Members are removed only once their score has passed, when
 * their family has expired too, or when their family is found revoked. Each command here touches this one
 * key.
 */
final class RedisSessionIndex {

	/**
	 * Drops the members whose score passed, raises a family's score (never lowers it), and keeps the set as
	 * long as its last member ({@code session-index-raise.lua}).
	 */
	private final RedisScript<Long> raiseScript = RedisScripts.load("session-index-raise.lua", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	RedisSessionIndex(StringRedisTemplate redis, String keyPrefix) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
	}

	/**
	 * Make a family a member until at least the given instant.
	 */
	void raise(String accountId, String familyId, long untilMillis, long nowMillis) {
		this.redis.execute(this.raiseScript, List.of(key(accountId)), Long.toString(nowMillis), familyId,
				Long.toString(untilMillis));
	}

	/**
	 * Return the families whose score has not passed, after dropping those whose score has.
	 */
	Set<String> families(String accountId, long nowMillis) {
		this.redis.opsForZSet().removeRangeByScore(key(accountId), Double.NEGATIVE_INFINITY, nowMillis);
		Set<String> families = this.redis.opsForZSet().rangeByScore(key(accountId), nowMillis + 1,
				Double.POSITIVE_INFINITY);
		return (families != null) ? families : Set.of();
	}

	void remove(String accountId, Collection<String> familyIds) {
		if (!familyIds.isEmpty()) {
			this.redis.opsForZSet().remove(key(accountId), familyIds.toArray());
		}
	}

	String key(String accountId) {
		return this.keyPrefix + "refresh-sessions:" + accountId;
	}

}
