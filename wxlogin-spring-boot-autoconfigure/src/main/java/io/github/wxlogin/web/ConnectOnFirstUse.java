package io.github.wxlogin.web;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A client connection made on first use rather than at start-up, so that the application starts while
 * its store is down, and made again on a later use when making it failed. While one thread connects,
 * the others fail at once instead of queueing behind it.
 *
 * @param <T> the connected client
 */
public final class ConnectOnFirstUse<T> implements Supplier<T> {

	private final Supplier<T> connect;

	private final ReentrantLock connecting = new ReentrantLock();

	private volatile @Nullable T connected;

	/**
	 * Create a supplier.
	 * @param connect makes the connection; may throw when the store cannot be reached
	 */
	public ConnectOnFirstUse(Supplier<T> connect) {
		this.connect = connect;
	}

	@Override
	public T get() {
		T client = this.connected;
		if (client != null) {
			return client;
		}
		if (!this.connecting.tryLock()) {
			throw new DataAccessResourceFailureException("Another request is connecting to the store");
		}
		try {
			client = this.connected;
			if (client == null) {
				client = this.connect.get();
				this.connected = client;
			}
			return client;
		}
		finally {
			this.connecting.unlock();
		}
	}

}
