package io.github.wxlogin.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.jspecify.annotations.Nullable;

/**
 * How many calls of each API the server received, in total and per mini program.
 */
final class CallCounts {

	private final AtomicIntegerArray total = newCounters();

	private final Map<String, AtomicIntegerArray> byAppid = new ConcurrentHashMap<>();

	/**
	 * Count a call.
	 * @param api the API called
	 * @param appid the mini program the call was made for, or {@code null} when the call
	 * names none the server knows of
	 */
	void record(Api api, @Nullable String appid) {
		this.total.incrementAndGet(api.ordinal());
		if (appid != null) {
			this.byAppid.computeIfAbsent(appid, (key) -> newCounters()).incrementAndGet(api.ordinal());
		}
	}

	int total(Api api) {
		return this.total.get(api.ordinal());
	}

	int of(String appid, Api api) {
		AtomicIntegerArray counters = this.byAppid.get(appid);
		return (counters != null) ? counters.get(api.ordinal()) : 0;
	}

	void reset() {
		for (Api api : Api.values()) {
			this.total.set(api.ordinal(), 0);
		}
		this.byAppid.clear();
	}

	private static AtomicIntegerArray newCounters() {
		return new AtomicIntegerArray(Api.values().length);
	}

}
