package io.github.wxlogin.outage;

import java.util.UUID;

import io.github.wxlogin.it.LocalDatabaseServers;
import org.postgresql.Driver;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A database of the test's own on the shared PostgreSQL server at 127.0.0.1:5432, created for the test
 * and dropped after it, which the test can make unreachable: it stops accepting connections and every
 * open one is ended, as when the database server goes away.
 */
final class OwnPostgresDatabase implements AutoCloseable {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private final String name = "wxlogin_outage_" + UUID.randomUUID().toString().replace("-", "");

	private final JdbcClient admin = JdbcClient
		.create(new SimpleDriverDataSource(new Driver(), SERVER + "postgres?connectTimeout=5", "postgres", ""));

	OwnPostgresDatabase() {
		LocalDatabaseServers.requirePostgresql();
		this.admin.sql("CREATE DATABASE " + this.name).update();
	}

	String url() {
		return SERVER + this.name + "?connectTimeout=5";
	}

	JdbcClient client() {
		return JdbcClient.create(new SimpleDriverDataSource(new Driver(), url(), "postgres", ""));
	}

	void block() {
		this.admin.sql("ALTER DATABASE " + this.name + " ALLOW_CONNECTIONS false").update();
		this.admin.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")
			.param(this.name)
			.query()
			.listOfRows();
	}

	void unblock() {
		this.admin.sql("ALTER DATABASE " + this.name + " ALLOW_CONNECTIONS true").update();
	}

	/**
	 * Drop the database when the application that uses it closes (after the last test of its class).
	 * @param context the application
	 */
	void dropWhenClosed(ConfigurableApplicationContext context) {
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent) {
				close();
			}
		});
	}

	@Override
	public void close() {
		this.admin.sql("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)").update();
	}

}
