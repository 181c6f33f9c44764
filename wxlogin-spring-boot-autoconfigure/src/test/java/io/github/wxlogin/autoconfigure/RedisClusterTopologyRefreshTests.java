package io.github.wxlogin.autoconfigure;

import java.time.Duration;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisClusterTopologyRefresh}.
 */
class RedisClusterTopologyRefreshTests {

	@Test
	void whenTheRateLimitOfAdaptiveRefreshesIsLettucesDefaultThenItIsOneSecond() {
		ClusterClientOptions.Builder builder = ClusterClientOptions.builder();
		RedisClusterTopologyRefresh.applyDefaults(builder, new MockEnvironment());
		assertThat(builder.build().getTopologyRefreshOptions().getAdaptiveRefreshTimeout())
			.isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void whenTheHostSetTheRateLimitOfAdaptiveRefreshesThenItIsKept() {
		ClusterClientOptions.Builder builder = ClusterClientOptions.builder()
			.topologyRefreshOptions(
					ClusterTopologyRefreshOptions.builder().adaptiveRefreshTriggersTimeout(Duration.ofSeconds(10)).build());
		RedisClusterTopologyRefresh.applyDefaults(builder, new MockEnvironment());
		ClusterTopologyRefreshOptions refresh = builder.build().getTopologyRefreshOptions();
		assertThat(refresh.getAdaptiveRefreshTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(refresh.getAdaptiveRefreshTriggers()).isNotEmpty();
	}

}
