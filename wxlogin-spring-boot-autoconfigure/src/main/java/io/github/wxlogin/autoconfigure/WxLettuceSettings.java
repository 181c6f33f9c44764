package io.github.wxlogin.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;

/**
 * What the Redis store needs of the Lettuce client Spring Boot builds, apart from the customizer types
 * that differ between Spring Boot lines:
 * <ul>
 * <li>the command and connect timeouts default to {@code wx.login.store.timeout} (Lettuce's own are 60 s
 * and 10 s), so that a dead Redis costs a request at most that long; {@code spring.data.redis.timeout} and
 * {@code spring.data.redis.connect-timeout}, when set, win;</li>
 * <li>a lost connection is tried again at most one second apart (Lettuce's delay grows to 30 s), so that
 * the stores resume within about a second of Redis coming back.</li>
 * </ul>
 */
final class WxLettuceSettings {

	/** The longest pause between two reconnection attempts. */
	static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

	private static final Duration MIN_RECONNECT_DELAY = Duration.ofMillis(50);

	private WxLettuceSettings() {
	}

	static void commandTimeout(LettuceClientConfiguration.LettuceClientConfigurationBuilder builder,
			WxLoginProperties properties, @Nullable Duration configured) {
		if (configured == null) {
			builder.commandTimeout(properties.store().timeout());
		}
	}

	static void connectTimeout(ClientOptions.Builder builder, WxLoginProperties properties,
			@Nullable Duration configured) {
		if (configured == null) {
			builder.socketOptions(SocketOptions.builder().connectTimeout(properties.store().timeout()).build());
		}
	}

	static void reconnectDelay(ClientResources.Builder builder) {
		builder.reconnectDelay(
				Delay.exponential(MIN_RECONNECT_DELAY, MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS));
	}

}
