package io.github.wxlogin.user;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change of several rows in one transaction, and runs it again when a concurrent change claimed
 * a unique key first, removed the account a row refers to, or the database chose it as a deadlock's victim: the next attempt reads what the
 * other change committed and decides again. The unique keys keep the account rules; this class only
 * turns their refusals into a second look.
 * <p>
 * A database that cannot begin or end a transaction is reported as Spring's
 * {@link DataAccessResourceFailureException}, the outage every other store failure is.
 */
final class RetriedTransactions {

	/** Enough for many concurrent sign-ins of one phone: each attempt after a refusal sees the winner. */
	private static final int MAX_ATTEMPTS = 10;

	private final TransactionTemplate transactions;

	RetriedTransactions(DataSource dataSource) {
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		// The same isolation on every database (MySQL defaults to REPEATABLE READ): each attempt sees
		// what other transactions committed before it
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	<T> T run(Supplier<T> change) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> change.get());
			}
			// A unique key, or a foreign key to an account a concurrent merge or purge removed
			catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
			catch (CannotCreateTransactionException | TransactionSystemException ex) {
				throw new DataAccessResourceFailureException("The user store did not complete a transaction", ex);
			}
		}
	}

}
