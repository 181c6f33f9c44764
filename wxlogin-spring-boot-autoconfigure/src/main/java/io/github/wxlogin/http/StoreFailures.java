package io.github.wxlogin.http;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;

/**
 * Tells a store outage (worth a 503 and a retry) from a bug (a 500) among Spring's data access
 * exceptions:
 * <ul>
 * <li>timeouts, lost or refused connections and other transient failures are outages:
 * {@link TransientDataAccessException} (such as {@code QueryTimeoutException}),
 * {@link DataAccessResourceFailureException} (such as {@code RedisConnectionFailureException} and
 * {@code CannotGetJdbcConnectionException}) and {@link RecoverableDataAccessException};</li>
 * <li>what Spring Data Redis leaves uncategorized ({@code RedisSystemException}) is an outage when the
 * connection broke (a reset, a closed connection) or Redis answered that it cannot serve now (loading its
 * data, busy, a cluster or replica that is down or read-only), and a bug when Redis refused the command
 * itself;</li>
 * <li>anything else (bad SQL, a violated constraint) is a bug.</li>
 * </ul>
 */
final class StoreFailures {

	/** Error replies of a Redis server that cannot serve right now but will. */
	private static final Set<String> UNAVAILABLE_REPLIES = Set.of("LOADING", "BUSY", "TRYAGAIN", "CLUSTERDOWN",
			"MASTERDOWN", "READONLY", "NOREPLICAS");

	private StoreFailures() {
	}

	static boolean isOutage(DataAccessException ex) {
		if (ex instanceof TransientDataAccessException || ex instanceof DataAccessResourceFailureException
				|| ex instanceof RecoverableDataAccessException) {
			return true;
		}
		return ex instanceof UncategorizedDataAccessException && isBrokenConnection(ex);
	}

	private static boolean isBrokenConnection(Throwable ex) {
		boolean fromLettuce = false;
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return true;
			}
			if (cause instanceof SQLException sql) {
				// class 08: connection exception
				return sql.getSQLState() != null && sql.getSQLState().startsWith("08");
			}
			// Lettuce's exceptions are named, not imported: Lettuce is optional
			if (cause.getClass().getSimpleName().equals("RedisCommandExecutionException")) {
				String reply = String.valueOf(cause.getMessage()).toUpperCase(Locale.ROOT);
				return UNAVAILABLE_REPLIES.stream().anyMatch(reply::startsWith);
			}
			fromLettuce |= cause.getClass().getName().startsWith("io.lettuce.");
		}
		// Lettuce reports a connection closed under a command with no further cause
		return fromLettuce;
	}

}
