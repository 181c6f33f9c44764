package io.github.wxlogin.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The database servers the tests run against, which they do not start themselves: PostgreSQL on
 * 127.0.0.1:5432 (user {@code postgres} without a password, database {@code test}) and MariaDB on
 * 127.0.0.1:3306 (user {@code root} without a password, database {@code test}). Tests that need one fail,
 * never skip, when it is not running, and say how to start it.
 */
public final class LocalDatabaseServers {

	private static final String HOST = "127.0.0.1";

	private LocalDatabaseServers() {
	}

	/**
	 * Fail when PostgreSQL is not answering on 127.0.0.1:5432.
	 */
	public static void requirePostgresql() {
		require("PostgreSQL", 5432, "start it with: pg_ctlcluster <version> main start (Debian; installed by "
				+ "apt-get install postgresql), and let user postgres in from 127.0.0.1 without a password, "
				+ "with a database named test (createdb -U postgres test)");
	}

	/**
	 * Fail when MariaDB is not answering on 127.0.0.1:3306.
	 */
	public static void requireMariadb() {
		require("MariaDB", 3306, "start it with: start-stop-daemon --start --background --exec /usr/sbin/mariadbd "
				+ "(Debian; installed by apt-get install mariadb-server), and let user root in from 127.0.0.1 "
				+ "without a password, with a database named test (mariadb -uroot -e 'create database test')");
	}

	private static void require(String name, int port, String howToStart) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 2000);
		}
		catch (IOException ex) {
			throw new AssertionError(name + " is not answering on " + HOST + ":" + port + " (" + ex.getMessage()
					+ "): " + howToStart, ex);
		}
	}

}
