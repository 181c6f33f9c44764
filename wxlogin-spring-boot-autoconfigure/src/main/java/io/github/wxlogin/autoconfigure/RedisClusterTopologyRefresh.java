package io.github.wxlogin.autoconfigure;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions.RefreshTrigger;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Lettuce's view of a Redis Cluster's topology, kept current so that a fail-over or resharding does not
 * leave the client sending commands to a node that no longer holds their slot: refreshed on every sign
 * of a change (MOVED and ASK redirections, reconnects, unknown nodes), which Boot 4.1 does already and
 * Boot 3.5 only with {@code spring.data.redis.lettuce.cluster.refresh.adaptive}, and once a minute, which
 * neither does without {@code spring.data.redis.lettuce.cluster.refresh.period}. Adaptive refreshes are
 * allowed once a second rather than Lettuce's once in 30 s (6.x, Boot 3.5) or 5 s (7.x, Boot 4.1): after a
 * master fails, the refresh that finds its promoted replica is triggered by the reconnection attempts
 * to the dead master, and waiting out the rate limit would leave its slots unserved that much longer
 * (measured by {@code RedisClusterFailoverTests}). Only adds: a setting the host made through either
 * property, or a rate limit other than Lettuce's default, stays as it is.
 */
final class RedisClusterTopologyRefresh {

	static final Duration PERIOD = Duration.ofMinutes(1);

	/** The shortest time between two adaptive refreshes. */
	static final Duration ADAPTIVE_REFRESH_RATE_LIMIT = Duration.ofSeconds(1);

	private static final String PROPERTIES = "spring.data.redis.lettuce.cluster.refresh.";

	private RedisClusterTopologyRefresh() {
	}

	/**
	 * Turn on adaptive and periodic refresh where the host left them off, when the client talks to a
	 * cluster.
	 * @param builder the client options that Boot built from its properties
	 * @param environment the host's environment
	 */
	static void applyDefaults(ClientOptions.Builder builder, Environment environment) {
		if (!(builder instanceof ClusterClientOptions.Builder cluster)) {
			return;
		}
		ClusterTopologyRefreshOptions configured = cluster.build().getTopologyRefreshOptions();
		Duration rateLimit = configured.getAdaptiveRefreshTimeout();
		if (rateLimit.equals(ClusterTopologyRefreshOptions.builder().build().getAdaptiveRefreshTimeout())) {
			rateLimit = ADAPTIVE_REFRESH_RATE_LIMIT;
		}
		ClusterTopologyRefreshOptions.Builder refresh = ClusterTopologyRefreshOptions.builder()
			.dynamicRefreshSources(configured.useDynamicRefreshSources())
			.closeStaleConnections(configured.isCloseStaleConnections())
			.adaptiveRefreshTriggersTimeout(rateLimit)
			.refreshTriggersReconnectAttempts(configured.getRefreshTriggersReconnectAttempts())
			.refreshPeriod(configured.getRefreshPeriod())
			.enablePeriodicRefresh(configured.isPeriodicRefreshEnabled());
		if (!configured.getAdaptiveRefreshTriggers().isEmpty()) {
			refresh.enableAdaptiveRefreshTrigger(configured.getAdaptiveRefreshTriggers().toArray(RefreshTrigger[]::new));
		}
		else if (!isSet(environment, "adaptive")) {
			refresh.enableAllAdaptiveRefreshTriggers();
		}
		if (!configured.isPeriodicRefreshEnabled() && !isSet(environment, "period")) {
			refresh.enablePeriodicRefresh(PERIOD);
		}
		cluster.topologyRefreshOptions(refresh.build());
	}

	private static boolean isSet(Environment environment, String property) {
		return Binder.get(environment).bind(PROPERTIES + property, String.class).isBound();
	}

}
