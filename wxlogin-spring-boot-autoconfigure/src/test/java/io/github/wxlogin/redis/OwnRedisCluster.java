package io.github.wxlogin.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.data.redis.connection.ClusterInfo;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Redis Cluster of the test JVM's own: three masters, each with one replica, started from
 * {@code redis-server} on free loopback ports, with the nodes' files in a temporary directory and no
 * persistence. Started, it is healthy: every slot served and every replica in sync with its master. Its
 * nodes are stopped on {@link #close()}, and at the latest when the JVM exits.
 */
public final class OwnRedisCluster implements AutoCloseable {

	/** How long the nodes wait before they take a silent master for failed, and a replica takes over. */
	public static final Duration NODE_TIMEOUT = Duration.ofSeconds(5);

	private static final int MASTERS = 3;

	private static final String HOST = "127.0.0.1";

	/** Redis Cluster's bus port is the client port plus this. */
	private static final int BUS_PORT_OFFSET = 10_000;

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private final Path directory;

	private final List<Node> nodes = new ArrayList<>();

	private final Thread shutdownHook = new Thread(this::stopNodes, "own-redis-cluster-shutdown");

	private OwnRedisCluster(Path directory) {
		this.directory = directory;
	}

	/**
	 * Start a cluster and wait until it is healthy.
	 * @return the cluster; the caller closes it
	 * @throws AssertionError when {@code redis-server} or {@code redis-cli} is missing, or the cluster does
	 * not become healthy
	 */
	public static OwnRedisCluster start() {
		String server = RedisBinaries.redisServer();
		RedisBinaries.redisCli();
		Path directory;
		try {
			directory = Files.createTempDirectory("wxlogin-redis-cluster");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		OwnRedisCluster cluster = new OwnRedisCluster(directory);
		// never leave the processes behind, whatever happens to the tests
		Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
		try {
			Set<Integer> taken = new HashSet<>();
			for (int i = 0; i < MASTERS * 2; i++) {
				cluster.nodes.add(Node.start(server, directory, freePort(taken)));
			}
			for (Node node : cluster.nodes) {
				node.awaitPing();
			}
			List<String> create = new ArrayList<>(List.of("--cluster", "create"));
			create.addAll(cluster.nodes());
			create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
			String created = cli(create);
			if (!created.contains("[OK] All 16384 slots covered")) {
				throw new IllegalStateException("redis-cli --cluster create said:\n" + created);
			}
			cluster.awaitHealthy(STARTUP);
		}
		catch (RuntimeException | Error ex) {
			cluster.close();
			throw new AssertionError("Cannot start a Redis Cluster in " + directory + ": " + ex.getMessage(), ex);
		}
		return cluster;
	}

	/**
	 * Return every node, as {@code spring.data.redis.cluster.nodes} takes them.
	 * @return {@code host:port} of each node, masters and replicas
	 */
	public List<String> nodes() {
		return this.nodes.stream().map(Node::address).toList();
	}

	/**
	 * Connect to the cluster, failing at once when it is not healthy.
	 * @return a started connection factory; the caller destroys it
	 */
	public LettuceConnectionFactory connect() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisClusterConfiguration(nodes()));
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
			throw new AssertionError("The test Redis Cluster on " + nodes() + " is not healthy; its nodes log to "
					+ this.directory, ex);
		}
		return factory;
	}

	/**
	 * Return the client ports of the nodes that serve slots now, as a running node sees them.
	 * @return the masters' ports
	 */
	public List<Integer> masters() {
		String view = cli(List.of("-h", HOST, "-p", Integer.toString(anyRunning().port), "cluster", "nodes"));
		return view.lines()
			.map((line) -> line.split(" "))
			.filter((fields) -> fields.length > 8 && fields[2].contains("master") && !fields[2].contains("fail"))
			.map((fields) -> Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@'))))
			.toList();
	}

	/**
	 * Tell whether a node holds a key itself (a node that does not serve the key's slot answers MOVED).
	 * @param port the node's client port
	 * @param key the key
	 * @return whether the node has it
	 */
	public boolean exists(int port, String key) {
		return cli(List.of("-h", HOST, "-p", Integer.toString(port), "exists", key)).trim().equals("1");
	}

	/**
	 * Kill a node as a crash would, with {@code SIGKILL}: it acknowledges nothing more and saves nothing.
	 * @param port the node's client port
	 */
	public void kill(int port) {
		Node node = this.nodes.stream()
			.filter((candidate) -> candidate.port == port)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No node of this cluster on port " + port));
		node.process.destroyForcibly();
		try {
			node.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Tell whether the cluster serves every slot again, as every running node sees it.
	 * @return whether every running node says {@code cluster_state:ok}
	 */
	public boolean isServing() {
		return running().allMatch((node) -> node.clusterInfo().contains("cluster_state:ok"));
	}

	private void awaitHealthy(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		String why = "not checked yet";
		while (System.nanoTime() < deadline) {
			Optional<String> unhealthy = unhealthy();
			if (unhealthy.isEmpty()) {
				return;
			}
			why = unhealthy.get();
			sleep(Duration.ofMillis(100));
		}
		throw new IllegalStateException("The cluster was not healthy within " + timeout + ": " + why);
	}

	/** What is not yet as it should be: all slots served, every node known to all, every replica in sync. */
	private Optional<String> unhealthy() {
		for (Node node : this.nodes) {
			String info = node.clusterInfo();
			if (!info.contains("cluster_state:ok")) {
				return Optional.of(node.address() + " says cluster_state is not ok");
			}
			if (!info.contains("cluster_known_nodes:" + this.nodes.size() + "\r")
					&& !info.contains("cluster_known_nodes:" + this.nodes.size() + "\n")) {
				return Optional.of(node.address() + " does not know every node yet");
			}
			String replication = cli(List.of("-h", HOST, "-p", Integer.toString(node.port), "info", "replication"));
			if (replication.contains("role:slave") && (!replication.contains("master_link_status:up")
					|| !replication.contains("master_sync_in_progress:0"))) {
				return Optional.of("replica " + node.address() + " is not in sync with its master");
			}
		}
		if (masters().size() != MASTERS) {
			return Optional.of("there are not " + MASTERS + " masters yet");
		}
		return Optional.empty();
	}

	private Stream<Node> running() {
		return this.nodes.stream().filter((node) -> node.process.isAlive());
	}

	private Node anyRunning() {
		return running().findFirst().orElseThrow(() -> new IllegalStateException("No node is running"));
	}

	@Override
	public void close() {
		stopNodes();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is exiting: the hook runs, or ran, anyway
		}
	}

	private synchronized void stopNodes() {
		for (Node node : this.nodes) {
			node.process.destroy();
		}
		for (Node node : this.nodes) {
			try {
				if (!node.process.waitFor(10, TimeUnit.SECONDS)) {
					node.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		deleteDirectory();
	}

	private void deleteDirectory() {
		if (!Files.exists(this.directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// left in the temporary directory
		}
	}

	/**
	 * Run {@code redis-cli} and return what it wrote.
	 */
	static String cli(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(RedisBinaries.redisCli());
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("redis-cli " + arguments + " did not end");
			}
			return new String(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A free port whose bus port (plus 10 000) is free too. */
	private static int freePort(Set<Integer> taken) {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = bindAndRelease(0);
			if (port + BUS_PORT_OFFSET <= 65_535 && !taken.contains(port) && !taken.contains(port + BUS_PORT_OFFSET)
					&& bindAndRelease(port + BUS_PORT_OFFSET) > 0) {
				taken.add(port);
				taken.add(port + BUS_PORT_OFFSET);
				return port;
			}
		}
		throw new IllegalStateException("Found no free pair of loopback ports for a cluster node");
	}

	private static int bindAndRelease(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Node(int port, Process process, Path log) {

		static Node start(String server, Path root, int port) {
			Path directory = root.resolve(Integer.toString(port));
			try {
				Files.createDirectories(directory);
				Path log = directory.resolve("redis.log");
				Process process = new ProcessBuilder(List.of(server, "--port", Integer.toString(port), "--bind", HOST,
						"--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout",
						Long.toString(NODE_TIMEOUT.toMillis()), "--save", "", "--appendonly", "no", "--dir",
						directory.toString()))
					.redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.start();
				return new Node(port, process, log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String address() {
			return HOST + ":" + this.port;
		}

		String clusterInfo() {
			return cli(List.of("-h", HOST, "-p", Integer.toString(this.port), "cluster", "info"));
		}

		void awaitPing() {
			long deadline = System.nanoTime() + STARTUP.toNanos();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("redis-server on port " + this.port + " exited: " + logTail());
				}
				if (cli(List.of("-h", HOST, "-p", Integer.toString(this.port), "ping")).startsWith("PONG")) {
					return;
				}
				sleep(Duration.ofMillis(50));
			}
			throw new IllegalStateException("redis-server on port " + this.port + " did not answer: " + logTail());
		}

		private String logTail() {
			try {
				List<String> lines = Files.readAllLines(this.log);
				return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
			}
			catch (IOException ex) {
				return "(no log)";
			}
		}

	}

}
