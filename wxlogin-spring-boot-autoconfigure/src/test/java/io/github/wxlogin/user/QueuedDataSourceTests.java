package io.github.wxlogin.user;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.AbstractDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The queue in front of the user store's pool: callers beyond the pool's size wait their turn while
 * connections come back, and are refused at once when the database is away.
 */
class QueuedDataSourceTests {

	/** Long enough never to be reached by a test that expects a queue to move. */
	private static final Duration LONG = Duration.ofSeconds(30);

	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final Pool pool = new Pool();

	@AfterEach
	void stopCallers() {
		this.callers.shutdownNow();
	}

	@Test
	void callersBeyondThePoolSizeAreServedInTurnAsConnectionsComeBack() throws Exception {
		QueuedDataSource queued = new QueuedDataSource(this.pool, 2, LONG, LONG);
		List<Future<Integer>> served = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			served.add(this.callers.submit(() -> {
				try (Connection connection = queued.getConnection()) {
					Thread.sleep(2);
					return this.pool.open.get();
				}
			}));
		}
		for (Future<Integer> caller : served) {
			assertThat(caller.get(20, TimeUnit.SECONDS)).isBetween(1, 2);
		}
		assertThat(this.pool.given.get()).isEqualTo(50);
		assertThat(this.pool.open.get()).isZero();
	}

	@Test
	void aWaitingCallerGetsTheConnectionThatComesBack() throws Exception {
		QueuedDataSource queued = new QueuedDataSource(this.pool, 1, LONG, LONG);
		Connection first = queued.getConnection();
		Future<Connection> second = this.callers.submit(() -> queued.getConnection());
		waitUntilWaiting(queued, 1);
		first.close();
		second.get(20, TimeUnit.SECONDS).close();
		assertThat(this.pool.given.get()).isEqualTo(2);
	}

	@Test
	void closingAConnectionTwiceGivesBackOneTurn() throws Exception {
		QueuedDataSource queued = new QueuedDataSource(this.pool, 1, LONG, LONG);
		Connection first = queued.getConnection();
		first.close();
		first.close();
		Connection second = queued.getConnection();
		Future<Connection> third = this.callers.submit(() -> queued.getConnection());
		waitUntilWaiting(queued, 1);
		assertThat(third).isNotDone();
		second.close();
		third.get(20, TimeUnit.SECONDS).close();
	}

	@Test
	void everyoneWaitingIsRefusedWhenThePoolCannotGiveAConnection() throws Exception {
		QueuedDataSource queued = new QueuedDataSource(this.pool, 1, LONG, LONG);
		Connection held = queued.getConnection();
		List<Future<Connection>> waiting = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			waiting.add(this.callers.submit(() -> queued.getConnection()));
		}
		waitUntilWaiting(queued, 3);
		this.pool.away.set(true);
		// the first in line gets the turn, and the pool refuses it: the others are refused without trying
		held.close();
		for (Future<Connection> caller : waiting) {
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> caller.get(20, TimeUnit.SECONDS))
				.withCauseInstanceOf(SQLException.class);
		}
	}

	@Test
	void aCallerIsRefusedWhenNoConnectionComesBackWithinTheStoreTimeout() throws Exception {
		QueuedDataSource queued = new QueuedDataSource(this.pool, 1, Duration.ofMillis(200), LONG);
		try (Connection stuck = queued.getConnection()) {
			assertThatExceptionOfType(SQLTimeoutException.class).isThrownBy(queued::getConnection)
				.withMessageContaining("store timeout");
		}
	}

	@Test
	void aCallerIsRefusedAfterTheQueueTimeoutEvenWhileConnectionsComeBack() throws Exception {
		QueuedDataSource queued = new QueuedDataSource(this.pool, 1, LONG, Duration.ofMillis(300));
		AtomicBoolean busy = new AtomicBoolean(true);
		// one caller that always comes back first, and a queue always ahead of the test's caller
		Runnable hog = () -> {
			while (busy.get()) {
				try (Connection connection = queued.getConnection()) {
					Thread.sleep(50);
				}
				catch (SQLException | InterruptedException ex) {
					return;
				}
			}
		};
		for (int i = 0; i < 20; i++) {
			this.callers.execute(hog);
		}
		try {
			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(queued::getConnection)
				.withMessageContaining("queue timeout");
		}
		finally {
			busy.set(false);
		}
	}

	private static void waitUntilWaiting(QueuedDataSource queued, int callers) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (queued.waiting() < callers) {
			assertThat(System.nanoTime()).as("callers in line").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	/** A pool that gives connections that do nothing, counting them, or refuses while it is "away". */
	private static final class Pool extends AbstractDataSource {

		final AtomicInteger given = new AtomicInteger();

		final AtomicInteger open = new AtomicInteger();

		final AtomicBoolean away = new AtomicBoolean();

		@Override
		public Connection getConnection() throws SQLException {
			if (this.away.get()) {
				throw new SQLTransientConnectionException("Connection is not available, request timed out");
			}
			this.given.incrementAndGet();
			this.open.incrementAndGet();
			AtomicBoolean closed = new AtomicBoolean();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
							this.open.decrementAndGet();
						}
						return null;
					});
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	}
}
