package io.github.wxlogin.redis;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis Cluster the tests share: an {@link OwnRedisCluster} (three masters, each with a replica),
 * started at first use by this test JVM and stopped when it exits. Tests that need it fail, never skip,
 * when it cannot start: a green build must mean the Redis stores were tested on a cluster. No test may
 * stop or kill its nodes; one that does starts a cluster of its own.
 */
public final class LocalRedisCluster {

	private static @Nullable OwnRedisCluster cluster;

	private static @Nullable Throwable failure;

	private LocalRedisCluster() {
	}

	/**
	 * Return the nodes, starting the cluster if this JVM has not yet.
	 * @return every node, as {@code spring.data.redis.cluster.nodes} takes them
	 */
	public static List<String> nodes() {
		return cluster().nodes();
	}

	/**
	 * Return the nodes as one {@code spring.data.redis.cluster.nodes} value, starting the cluster if this
	 * JVM has not yet.
	 * @return the nodes, comma-separated
	 */
	public static String nodesProperty() {
		return String.join(",", nodes());
	}

	/**
	 * Connect to the cluster, starting it if this JVM has not yet.
	 * @return a started connection factory; the caller destroys it
	 */
	public static LettuceConnectionFactory connect() {
		return cluster().connect();
	}

	/** Starts the cluster at first use, once per JVM (a failure to start is told to every later caller). */
	private static synchronized OwnRedisCluster cluster() {
		if (failure != null) {
			throw new AssertionError("The shared test Redis Cluster could not start: " + failure.getMessage(), failure);
		}
		if (cluster == null) {
			try {
				cluster = OwnRedisCluster.start();
			}
			catch (RuntimeException | Error ex) {
				failure = ex;
				throw ex;
			}
		}
		return cluster;
	}

}
