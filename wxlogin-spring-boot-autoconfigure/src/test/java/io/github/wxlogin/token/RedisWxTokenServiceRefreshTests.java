package io.github.wxlogin.token;

import java.time.Clock;
import java.util.function.Supplier;

import io.github.wxlogin.redis.TestRedis;
import io.github.wxlogin.session.RedisRefreshTokenStore;
import io.github.wxlogin.session.RefreshTokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

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

	@Override
	RefreshTokenStore newStore(Clock clock) {
		return new RedisRefreshTokenStore(this.server.template(), this.server.keyPrefix(), clock, TTL);
	}

}
