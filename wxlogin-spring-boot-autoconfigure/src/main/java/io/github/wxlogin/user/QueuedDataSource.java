package io.github.wxlogin.user;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The user store's way to its connection pool: at most as many connections at a time as the pool holds,
 * the others waiting their turn here, in order, so that a burst of logins is a queue and not an outage.
 * <p>
 * A pool that is asked for more connections than it has makes the extra callers wait for its own
 * connection timeout (1 s as docs/scale-out.md advises) and then fails them, although the database answers
 * every query: under virtual threads, hundreds of logins at once. Here they wait up to the queue timeout
 * instead, while connections keep coming back. What still fails fast is a database that does not answer:
 * <ul>
 * <li>the pool could not give a connection (it could not reach the database within its own timeout):
 * everyone waiting is refused at once;</li>
 * <li>no connection came back for the store timeout while a caller waited: the queries in flight are
 * stuck, so the caller is refused then, as it would have been by its own query's timeout.</li>
 * </ul>
 * Refusals are {@link SQLException}s, which Spring translates to the data access failures the endpoints
 * answer with 503 {@code store_unavailable}.
 */
public final class QueuedDataSource extends DelegatingDataSource {

	private final ReentrantLock lock = new ReentrantLock();

	/** Callers waiting for a connection, first come first served. */
	private final ArrayDeque<Turn> queue = new ArrayDeque<>();

	private final long storeTimeoutNanos;

	private final long queueTimeoutNanos;

	private int free;

	private long lastReturned = System.nanoTime();

	/** Counts the connections the pool could not give; a change tells waiters the database is away. */
	private long refusals;

	/**
	 * Create a queue in front of a pool.
	 * @param pool the pool
	 * @param size how many connections the pool gives at most
	 * @param storeTimeout how long without a connection coming back means the database does not answer
	 * @param queueTimeout the longest wait in line while connections come back
	 */
	public QueuedDataSource(DataSource pool, int size, Duration storeTimeout, Duration queueTimeout) {
		super(pool);
		if (size < 1) {
			throw new IllegalArgumentException("size must be at least 1");
		}
		this.free = size;
		this.storeTimeoutNanos = storeTimeout.toNanos();
		this.queueTimeoutNanos = queueTimeout.toNanos();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return queued(() -> obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return queued(() -> obtainTargetDataSource().getConnection(username, password));
	}

	/**
	 * Return how many callers wait for a connection now.
	 * @return the length of the queue
	 */
	public int waiting() {
		this.lock.lock();
		try {
			return this.queue.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	private Connection queued(ConnectionSupplier supplier) throws SQLException {
		awaitTurn();
		Connection connection;
		try {
			connection = supplier.get();
		}
		catch (SQLException | RuntimeException ex) {
			giveBack(false);
			throw ex;
		}
		return returnedOnClose(connection);
	}

	private void awaitTurn() throws SQLException {
		this.lock.lock();
		try {
			if (this.free > 0 && this.queue.isEmpty()) {
				this.free--;
				return;
			}
			Turn turn = new Turn(this.lock.newCondition(), System.nanoTime(), this.refusals);
			this.queue.addLast(turn);
			try {
				while (!turn.granted) {
					waitOnce(turn);
				}
			}
			finally {
				if (!turn.granted) {
					this.queue.remove(turn);
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void waitOnce(Turn turn) throws SQLException {
		if (this.refusals != turn.refusalsAtStart) {
			throw new SQLTransientConnectionException("The database gave no connection while this call waited for one");
		}
		long now = System.nanoTime();
		long stalledAt = Math.max(this.lastReturned - turn.since, 0) + turn.since + this.storeTimeoutNanos;
		long giveUpAt = turn.since + this.queueTimeoutNanos;
		if (now - stalledAt >= 0) {
			throw new SQLTimeoutException("No database connection came back within the store timeout");
		}
		if (now - giveUpAt >= 0) {
			throw new SQLTransientConnectionException("No database connection was free within the queue timeout");
		}
		try {
			turn.ready.awaitNanos(Math.min(stalledAt - now, giveUpAt - now));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLTransientConnectionException("Interrupted while waiting for a database connection", ex);
		}
	}

	/**
	 * Return a turn: to the first caller in line, or to the free ones. A connection the pool could not give
	 * refuses everyone waiting, whose turn would end the same way.
	 */
	private void giveBack(boolean served) {
		this.lock.lock();
		try {
			if (!served) {
				this.refusals++;
				this.queue.forEach((turn) -> turn.ready.signal());
				this.free++;
				return;
			}
			this.lastReturned = System.nanoTime();
			Turn next = this.queue.pollFirst();
			if (next != null) {
				next.granted = true;
				next.ready.signal();
			}
			else {
				this.free++;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private Connection returnedOnClose(Connection connection) {
		AtomicBoolean returned = new AtomicBoolean();
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("close") && method.getParameterCount() == 0) {
				try {
					connection.close();
				}
				finally {
					if (returned.compareAndSet(false, true)) {
						giveBack(true);
					}
				}
				return null;
			}
			return invoke(connection, method, args);
		};
		return (Connection) Proxy.newProxyInstance(QueuedDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

	private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(connection, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	@FunctionalInterface
	private interface ConnectionSupplier {

		Connection get() throws SQLException;

	}

	private static final class Turn {

		final Condition ready;

		final long since;

		final long refusalsAtStart;

		boolean granted;

		Turn(Condition ready, long since, long refusalsAtStart) {
			this.ready = ready;
			this.since = since;
			this.refusalsAtStart = refusalsAtStart;
		}

	}

}
