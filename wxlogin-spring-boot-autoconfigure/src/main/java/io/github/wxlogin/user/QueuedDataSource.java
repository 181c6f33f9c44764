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
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.github.wxlogin.queue.TurnQueue;
import io.github.wxlogin.queue.TurnRefusedException;

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
 * The line is a {@link TurnQueue}. Refusals are {@link SQLException}s, which Spring translates to the data
 * access failures the endpoints answer with 503 {@code store_unavailable}.
 */
public final class QueuedDataSource extends DelegatingDataSource {

	private final TurnQueue turns;

	/**
	 * Create a queue in front of a pool.
	 * @param pool the pool
	 * @param size how many connections the pool gives at most
	 * @param storeTimeout how long without a connection coming back means the database does not answer
	 * @param queueTimeout the longest wait in line while connections come back
	 */
	public QueuedDataSource(DataSource pool, int size, Duration storeTimeout, Duration queueTimeout) {
		super(pool);
		this.turns = new TurnQueue(size, storeTimeout, queueTimeout);
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
		return this.turns.waiting();
	}

	private Connection queued(ConnectionSupplier supplier) throws SQLException {
		try {
			this.turns.awaitTurn();
		}
		catch (TurnRefusedException ex) {
			throw refusal(ex);
		}
		Connection connection;
		try {
			connection = supplier.get();
		}
		catch (SQLException | RuntimeException ex) {
			// the pool could not reach the database: everyone waiting is refused
			this.turns.giveBack(false);
			throw ex;
		}
		return returnedOnClose(connection);
	}

	private static SQLException refusal(TurnRefusedException refused) {
		return switch (refused.why()) {
			case FAILED_AHEAD -> new SQLTransientConnectionException(
					"The database gave no connection while this call waited for one");
			case STALLED -> new SQLTimeoutException("No database connection came back within the store timeout");
			case QUEUE_TIMEOUT -> new SQLTransientConnectionException(
					"No database connection was free within the queue timeout");
			case INTERRUPTED -> new SQLTransientConnectionException("Interrupted while waiting for a database connection",
					refused);
		};
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
						this.turns.giveBack(true);
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

}
