package io.github.wxlogin.avatar;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.wxlogin.avatar.AvatarCheckStore.PendingAvatarCheck;
import io.github.wxlogin.redis.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store of avatars waiting for WeChat's verdict on one kind of Redis; a subclass for each kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedisAvatarCheckStoreTests {

	private final Supplier<LettuceConnectionFactory> connect;

	private TestRedis server;

	RedisAvatarCheckStoreTests(Supplier<LettuceConnectionFactory> connect) {
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

	private RedisAvatarCheckStore store(Duration timeToLive) {
		return new RedisAvatarCheckStore(this.server.template(), this.server.keyPrefix(), timeToLive);
	}

	@Test
	void aSavedCheckIsTakenOnceByAnyInstance() {
		PendingAvatarCheck check = new PendingAvatarCheck("user-1", "https://api.example.com/wx/avatars/a.png");
		store(Duration.ofDays(1)).save("trace-1", check);
		assertThat(store(Duration.ofDays(1)).take("trace-1")).contains(check);
		assertThat(store(Duration.ofDays(1)).take("trace-1")).isEmpty();
	}

	@Test
	void anUnknownTraceIdFindsNothing() {
		assertThat(store(Duration.ofDays(1)).take("no-such-trace")).isEmpty();
	}

	@Test
	void aCheckIsKeptForItsTimeToLive() {
		store(Duration.ofMinutes(10)).save("trace-2", new PendingAvatarCheck("user-2", "/wx/avatars/b.png"));
		// Redis counts the TTL down in real time from the one the store set: read it, never wait for it
		long ttl = this.server.template().getExpire(this.server.keyPrefix() + "avatar-check:trace-2", TimeUnit.MILLISECONDS);
		assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
		assertThat(ttl).isGreaterThan(Duration.ofMinutes(9).toMillis());
	}

}
