package io.github.wxlogin.user;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A database that stops answering in the middle of a change: once {@linkplain #failAt armed}, the first
 * statement whose SQL contains the given text fails as a lost connection would, and every statement
 * before it ran as usual.
 */
final class StatementOutageDataSource extends DelegatingDataSource {

	private final AtomicReference<@Nullable String> failAt = new AtomicReference<>();

	StatementOutageDataSource(DataSource dataSource) {
		super(dataSource);
	}

	/**
	 * Fail the next statement that contains this text, once.
	 * @param sqlFragment a part of the statement's SQL
	 */
	void failAt(String sqlFragment) {
		this.failAt.set(sqlFragment);
	}

	/**
	 * Return whether the armed statement ran and failed.
	 * @return whether the outage happened
	 */
	boolean struck() {
		return this.failAt.get() == null;
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = super.getConnection();
		return proxy(Connection.class, (proxy, method, args) -> {
			Object result = invoke(connection, method, args);
			if (method.getName().equals("prepareStatement") && args[0] instanceof String sql) {
				return failing((PreparedStatement) result, sql);
			}
			return result;
		});
	}

	private PreparedStatement failing(PreparedStatement statement, String sql) {
		return proxy(PreparedStatement.class, (proxy, method, args) -> {
			String fragment = this.failAt.get();
			if (method.getName().startsWith("execute") && fragment != null && sql.contains(fragment)
					&& this.failAt.compareAndSet(fragment, null)) {
				throw new SQLTransientConnectionException("The database stopped answering (test)", "08S01");
			}
			return invoke(statement, method, args);
		});
	}

	private static Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return (T) Proxy.newProxyInstance(StatementOutageDataSource.class.getClassLoader(), new Class<?>[] { type },
				handler);
	}

}
