package io.github.wxlogin.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Faults waiting to replace the next calls of each API, in the order they were scheduled.
 */
final class FaultSchedule {

	// guarded by this
	private final Map<Api, Deque<PendingFault>> pending = new EnumMap<>(Api.class);

	synchronized void add(Api api, Fault fault, int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1: " + times);
		}
		this.pending.computeIfAbsent(api, (key) -> new ArrayDeque<>()).addLast(new PendingFault(fault, times));
	}

	/**
	 * Take the fault for the call being answered.
	 * @param api the API called
	 * @return the fault, or {@code null} to answer normally
	 */
	synchronized @Nullable Fault next(Api api) {
		Deque<PendingFault> faults = this.pending.get(api);
		PendingFault head = (faults != null) ? faults.pollFirst() : null;
		if (head == null) {
			return null;
		}
		if (head.times() > 1) {
			faults.addFirst(new PendingFault(head.fault(), head.times() - 1));
		}
		return head.fault();
	}

	synchronized void clear() {
		this.pending.clear();
	}

	private record PendingFault(Fault fault, int times) {
	}

}
