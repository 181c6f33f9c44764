package io.github.wxlogin.queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code size} turns at a time, the other callers waiting in line, first come first served.
 * <p>
 * A caller waits while turns keep coming back, up to the queue timeout. It is refused earlier when the
 * resource is away:
 * <ul>
 * <li>a turn ended in a failure of the resource ({@link #giveBack giveBack(false)}), or without an answer
 * while no other turn was answered either ({@link #giveBackUnanswered}): everyone waiting then is refused
 * at once, since their turns would end the same way;</li>
 * <li>no turn was answered for the stall timeout while the caller waited: the turns in use are stuck.</li>
 * </ul>
 */
public final class TurnQueue {

	private final ReentrantLock lock = new ReentrantLock();

	/** Callers waiting for a turn, first come first served. */
	private final ArrayDeque<Turn> queue = new ArrayDeque<>();

	private final long stallTimeoutNanos;

	private final long queueTimeoutNanos;

	private int free;

	private long lastAnswered = System.nanoTime();

	/** Counts the turns that ended in a failure; a change tells waiters the resource is away. */
	private long failures;

	/**
	 * Create a line.
	 * @param size how many turns there are at once
	 * @param stallTimeout how long without an answered turn means the resource does not answer
	 * @param queueTimeout the longest wait in line while turns come back
	 */
	public TurnQueue(int size, Duration stallTimeout, Duration queueTimeout) {
		if (size < 1) {
			throw new IllegalArgumentException("size must be at least 1");
		}
		this.free = size;
		this.stallTimeoutNanos = stallTimeout.toNanos();
		this.queueTimeoutNanos = queueTimeout.toNanos();
	}

	/**
	 * Wait for a turn, which the caller must give back once, with one of the {@code giveBack} methods.
	 * @return when the turn began ({@link System#nanoTime()})
	 * @throws TurnRefusedException if the caller is refused its turn
	 */
	public long awaitTurn() throws TurnRefusedException {
		this.lock.lock();
		try {
			if (this.free > 0 && this.queue.isEmpty()) {
				this.free--;
				return System.nanoTime();
			}
			Turn turn = new Turn(this.lock.newCondition(), System.nanoTime(), this.failures);
			this.queue.addLast(turn);
			try {
				while (!turn.granted) {
					waitOnce(turn);
				}
			}
			finally {
				if (!turn.granted) {
					this.queue.remove(turn);
				}
			}
			return System.nanoTime();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Give back a turn: to the first caller in line, or to the free ones.
	 * @param served whether the resource answered; {@code false} refuses everyone waiting
	 */
	public void giveBack(boolean served) {
		this.lock.lock();
		try {
			if (served) {
				this.lastAnswered = System.nanoTime();
				passOn();
			}
			else {
				refuseWaiting();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Give back a turn that ended without an answer, such as a timeout. If another turn was answered since
	 * this one began, the resource answers and this was one slow call among others (under load, say): the
	 * turn passes on. Otherwise the resource answers nobody, and everyone waiting is refused.
	 * @param began when the turn began, as {@link #awaitTurn()} returned it
	 */
	public void giveBackUnanswered(long began) {
		this.lock.lock();
		try {
			if (this.lastAnswered - began > 0) {
				passOn();
			}
			else {
				refuseWaiting();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Give back a turn that tells nothing about the resource, such as a connection dropped on the way: it
	 * passes on, and is no answer.
	 */
	public void giveBackInconclusive() {
		this.lock.lock();
		try {
			passOn();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void passOn() {
		Turn next = this.queue.pollFirst();
		if (next != null) {
			next.granted = true;
			next.ready.signal();
		}
		else {
			this.free++;
		}
	}

	private void refuseWaiting() {
		this.failures++;
		this.queue.forEach((turn) -> turn.ready.signal());
		this.free++;
	}

	/**
	 * Return how many callers wait for a turn now.
	 * @return the length of the line
	 */
	public int waiting() {
		this.lock.lock();
		try {
			return this.queue.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void waitOnce(Turn turn) throws TurnRefusedException {
		if (this.failures != turn.failuresAtStart) {
			throw new TurnRefusedException(TurnRefusedException.Why.FAILED_AHEAD);
		}
		long now = System.nanoTime();
		long stalledAt = Math.max(this.lastAnswered - turn.since, 0) + turn.since + this.stallTimeoutNanos;
		long giveUpAt = turn.since + this.queueTimeoutNanos;
		if (now - stalledAt >= 0) {
			throw new TurnRefusedException(TurnRefusedException.Why.STALLED);
		}
		if (now - giveUpAt >= 0) {
			throw new TurnRefusedException(TurnRefusedException.Why.QUEUE_TIMEOUT);
		}
		try {
			turn.ready.awaitNanos(Math.min(stalledAt - now, giveUpAt - now));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TurnRefusedException(TurnRefusedException.Why.INTERRUPTED);
		}
	}

	private static final class Turn {

		final Condition ready;

		final long since;

		final long failuresAtStart;

		boolean granted;

		Turn(Condition ready, long since, long failuresAtStart) {
			this.ready = ready;
			this.since = since;
			this.failuresAtStart = failuresAtStart;
		}

	}

}
