package io.github.wxlogin.queue;

/**
 * A caller was refused its turn in a {@link TurnQueue}; {@link #why()} tells the owner of the line which
 * failure of its own to report.
 */
public final class TurnRefusedException extends Exception {

	private final Why why;

	TurnRefusedException(Why why) {
		super(why.description, null, false, false);
		this.why = why;
	}

	/**
	 * Return why the turn was refused.
	 * @return the reason
	 */
	public Why why() {
		return this.why;
	}

	/** Why a turn was refused. */
	public enum Why {

		/** A turn that came before this caller's ended in a failure of the resource. */
		FAILED_AHEAD("a call ahead in line found the resource away"),

		/** No turn was answered within the stall timeout. */
		STALLED("no turn was answered within the stall timeout"),

		/** The caller waited the whole queue timeout while turns came back. */
		QUEUE_TIMEOUT("no turn was free within the queue timeout"),

		/** The caller's thread was interrupted while it waited. */
		INTERRUPTED("interrupted while waiting in line");

		private final String description;

		Why(String description) {
			this.description = description;
		}

	}

}
