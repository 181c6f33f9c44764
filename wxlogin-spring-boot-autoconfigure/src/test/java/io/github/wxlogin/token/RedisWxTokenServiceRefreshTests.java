package io.github.wxlogin.token;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

import io.github.wxlogin.redis.TestRedis;
import io.github.wxlogin.session.RedisRefreshTokenStore;
import io.github.wxlogin.session.RefreshTokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh that fails after the spend, with refresh tokens in one kind of Redis; a subclass for each
 * kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisWxTokenServiceRefreshTests extends WxTokenServiceRefreshTests {

	private final Supplier<LettuceConnectionFactory> connect;

	private TestRedis server;

	RedisWxTokenServiceRefreshTests(Supplier<LettuceConnectionFactory> connect) {
		this.connect = connect;
	}

	@BeforeAll
	void connect() {
		this.server = TestRedis.connect(this.connect, getClass());
	}

	@AfterAll
	void disconnect() {
		this.server.close();
	}

	/** Every field of every key of the family, as in a dump of Redis. */
	@Override
	String dump(String familyId) {
		StringRedisTemplate redis = this.server.template();
		StringBuilder dump = new StringBuilder();
		Set<String> keys = redis.keys(this.server.keyPrefix() + "*{" + familyId + "}*");
		assertThat(keys).isNotEmpty();
		for (String key : keys) {
			dump.append(key).append(' ');
			if (DataType.HASH.equals(redis.type(key))) {
				dump.append(redis.opsForHash().entries(key));
			}
			else {
				dump.append(redis.opsForValue().get(key));
			}
			dump.append('\n');
		}
		return dump.toString();
	}

	@Override
	RefreshTokenStore newStore(Clock clock) {
		return new RedisRefreshTokenStore(this.server.template(), this.server.keyPrefix(), clock, TTL);
	}

}
