package io.github.wxlogin.http;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreFailuresTests {

	@Test
	void timeoutsAndLostConnectionsAreOutages() {
		assertThat(StoreFailures.isOutage(new QueryTimeoutException("Redis command timed out"))).isTrue();
		assertThat(StoreFailures.isOutage(new RedisConnectionFailureException("Unable to connect"))).isTrue();
		assertThat(StoreFailures.isOutage(new CannotGetJdbcConnectionException("pool exhausted",
				new SQLTransientConnectionException("timed out")))).isTrue();
	}

	@Test
	void redisConnectionBrokenUnderACommandIsAnOutage() {
		assertThat(StoreFailures.isOutage(new RedisSystemException("Redis exception",
				new RedisException(new SocketException("Connection reset"))))).isTrue();
		assertThat(StoreFailures.isOutage(new RedisSystemException("Redis exception",
				new RedisException("Connection closed")))).isTrue();
	}

	@Test
	void redisThatCannotServeNowIsAnOutage() {
		assertThat(StoreFailures.isOutage(new RedisSystemException("Redis exception",
				new RedisCommandExecutionException("LOADING Redis is loading the dataset in memory")))).isTrue();
		assertThat(StoreFailures.isOutage(new RedisSystemException("Redis exception",
				new RedisCommandExecutionException("CLUSTERDOWN The cluster is down")))).isTrue();
	}

	@Test
	void redisRefusingTheCommandItselfIsABug() {
		assertThat(StoreFailures.isOutage(new RedisSystemException("Redis exception",
				new RedisCommandExecutionException("ERR Error running script")))).isFalse();
	}

	@Test
	void badSqlAndViolatedConstraintsAreBugs() {
		assertThat(StoreFailures.isOutage(new BadSqlGrammarException("select", "SELEC 1", new SQLException("syntax"))))
			.isFalse();
		assertThat(StoreFailures.isOutage(new DataIntegrityViolationException("duplicate"))).isFalse();
		assertThat(StoreFailures.isOutage(new UncategorizedSQLException("select", "SELECT 1",
				new SQLException("odd", "XX000")))).isFalse();
	}

	@Test
	void uncategorizedSqlConnectionFailureIsAnOutage() {
		assertThat(StoreFailures.isOutage(new UncategorizedSQLException("select", "SELECT 1",
				new SQLException("I/O error", "08006")))).isTrue();
	}

}
