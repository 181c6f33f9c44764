package io.github.wxlogin.user;

import java.util.UUID;

import javax.sql.DataSource;

import io.github.wxlogin.it.LocalDatabaseServers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * An empty database of one test's own, on one of the platforms the schema scripts are written for: an
 * in-memory H2 database, a schema in PostgreSQL's {@code test} database at {@code 127.0.0.1:5432}, or a
 * database on the MariaDB server at {@code 127.0.0.1:3306}.
 */
abstract class ScratchDatabase {

	/** A name no other test uses, valid unquoted on every platform. */
	final String name = "wx_scratch_" + UUID.randomUUID().toString().replace("-", "");

	/**
	 * Create the database.
	 * @return a data source that connects to it
	 */
	abstract DataSource create();

	/** Drop the database and everything in it. */
	abstract void drop();

	/**
	 * The platform name of the database's scripts.
	 * @return {@code h2}, {@code postgresql} or {@code mysql}
	 */
	abstract String platform();

	static ScratchDatabase h2() {
		return new ScratchDatabase() {

			private final DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
					"jdbc:h2:mem:" + this.name + ";DB_CLOSE_DELAY=-1", "sa", "");

			@Override
			DataSource create() {
				return this.dataSource;
			}

			@Override
			void drop() {
				JdbcClient.create(this.dataSource).sql("SHUTDOWN").update();
			}

			@Override
			String platform() {
				return "h2";
			}

		};
	}

	static ScratchDatabase postgresql() {
		String database = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5";
		JdbcClient admin = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), database,
				"postgres", ""));
		return new ScratchDatabase() {

			@Override
			DataSource create() {
				LocalDatabaseServers.requirePostgresql();
				admin.sql("CREATE SCHEMA " + this.name).update();
				return new SimpleDriverDataSource(new org.postgresql.Driver(),
						database + "&currentSchema=" + this.name, "postgres", "");
			}

			@Override
			void drop() {
				admin.sql("DROP SCHEMA IF EXISTS " + this.name + " CASCADE").update();
			}

			@Override
			String platform() {
				return "postgresql";
			}

		};
	}

	static ScratchDatabase mariadb() {
		String server = "jdbc:mariadb://127.0.0.1:3306/";
		JdbcClient admin = JdbcClient.create(new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(),
				server + "test?connectTimeout=5000", "root", ""));
		return new ScratchDatabase() {

			@Override
			DataSource create() {
				LocalDatabaseServers.requireMariadb();
				admin.sql("CREATE DATABASE " + this.name).update();
				return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(),
						server + this.name + "?connectTimeout=5000", "root", "");
			}

			@Override
			void drop() {
				admin.sql("DROP DATABASE IF EXISTS " + this.name).update();
			}

			@Override
			String platform() {
				return "mysql";
			}

		};
	}

}
