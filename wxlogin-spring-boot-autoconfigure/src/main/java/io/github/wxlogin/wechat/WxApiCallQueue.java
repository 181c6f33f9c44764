package io.github.wxlogin.wechat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import io.github.wxlogin.queue.TurnQueue;
import io.github.wxlogin.queue.TurnRefusedException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * At most so many WeChat calls of this instance at a time, the others waiting their turn, so that a burst
 * of logins reuses warm connections instead of opening one each.
 * <p>
 * Without it, a cold instance meeting a burst (or any instance on virtual threads, where nothing else
 * bounds the logins in flight) opens a new connection to WeChat for every login at once, and some of those
 * fail to connect in time although WeChat answers. A caller waits while calls keep coming back, up to the
 * queue timeout, and is refused at once when WeChat is away: a call ahead of it could not connect or timed
 * out while no other call was answered, or no call was answered within the connect and read timeouts. A
 * timeout among answered calls (a loaded machine) or a connection dropped on the way lets the line move on.
 * The reply's body is read before the turn is given back, so the connection is free for the next caller.
 * Refusals are {@link IOException}s, answered like any WeChat that cannot be reached (503
 * {@code wechat_unavailable}).
 */
public final class WxApiCallQueue implements ClientHttpRequestInterceptor {

	private final TurnQueue turns;

	/**
	 * Create a queue.
	 * @param maxConcurrentCalls the calls at a time
	 * @param callTimeout the longest a call may take (connect and read timeouts): no call back for so long
	 * means WeChat is stuck
	 * @param queueTimeout the longest wait in line while calls come back
	 */
	public WxApiCallQueue(int maxConcurrentCalls, Duration callTimeout, Duration queueTimeout) {
		this.turns = new TurnQueue(maxConcurrentCalls, callTimeout, queueTimeout);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		long began;
		try {
			began = this.turns.awaitTurn();
		}
		catch (TurnRefusedException ex) {
			throw new NoTurnException(ex);
		}
		Throwable failure = null;
		try {
			ClientHttpResponse response = execution.execute(request, body);
			// buffered (the request factory buffers bodies): this reads it off the connection now
			response.getBody();
			return response;
		}
		catch (Throwable ex) {
			failure = ex;
			throw ex;
		}
		finally {
			giveBack(began, failure);
		}
	}

	private void giveBack(long began, @Nullable Throwable failure) {
		if (failure == null) {
			this.turns.giveBack(true);
		}
		else if (isAway(failure)) {
			this.turns.giveBackUnanswered(began);
		}
		else {
			this.turns.giveBackInconclusive();
		}
	}

	/**
	 * Whether a failure says WeChat may be away: it could not be reached (refused, no route, no such host) or
	 * did not answer in time. A connection dropped on the way says nothing of the kind.
	 */
	private static boolean isAway(Throwable failure) {
		return failure instanceof HttpTimeoutException || failure instanceof ConnectException
				|| failure instanceof NoRouteToHostException || failure instanceof UnknownHostException
				|| failure instanceof SocketTimeoutException;
	}

	/**
	 * Return how many calls wait for their turn now.
	 * @return the length of the line
	 */
	public int waiting() {
		return this.turns.waiting();
	}

	/** A call refused its turn: WeChat did not answer the calls ahead of it, or the line was too long. */
	static final class NoTurnException extends IOException {

		NoTurnException(TurnRefusedException refused) {
			super("No turn for a WeChat call: " + refused.getMessage(), refused);
		}

	}

}
