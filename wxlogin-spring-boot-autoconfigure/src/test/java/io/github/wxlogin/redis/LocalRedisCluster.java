package io.github.wxlogin.redis;

import java.util.List;

import org.springframework.data.redis.connection.ClusterInfo;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The 3-master Redis Cluster the tests run against, on 127.0.0.1:7001-7003, started by
 * {@code .ci/redis-cluster.sh}. Tests that need it fail, never skip, when it is not running: a green build
 * must mean the Redis stores were tested on a cluster.
 */
public final class LocalRedisCluster {

	/** The nodes, as {@code spring.data.redis.cluster.nodes} takes them. */
	public static final List<String> NODES = List.of("127.0.0.1:7001", "127.0.0.1:7002", "127.0.0.1:7003");

	private LocalRedisCluster() {
	}

	/**
	 * Connect to the cluster, failing at once when it does not answer or is not healthy.
	 * @return a started connection factory; the caller destroys it
	 */
	public static LettuceConnectionFactory connect() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisClusterConfiguration(NODES));
		try {
			factory.afterPropertiesSet();
			factory.start();
			try (RedisClusterConnection connection = factory.getClusterConnection()) {
				ClusterInfo info = connection.clusterGetClusterInfo();
				if (!"ok".equals(info.getState())) {
					throw new IllegalStateException("cluster_state is " + info.getState());
				}
			}
		}
		catch (RuntimeException ex) {
			factory.destroy();
			throw new AssertionError("Redis Cluster is not reachable or not healthy on " + NODES
					+ "; start it with: bash .ci/redis-cluster.sh", ex);
		}
		return factory;
	}

}
