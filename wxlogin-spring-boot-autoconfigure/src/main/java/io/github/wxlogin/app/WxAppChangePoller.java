package io.github.wxlogin.app;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Reads the rows of {@code wx_app} that changed since the last poll, on a daemon thread of its own. The
 * window is measured on the database's clock and overlaps the previous one, since a row is stamped before
 * it is committed; after an outage, the first poll that succeeds looks back to the last one that did.
 * Failures are logged once, then once every {@link #WARNING_INTERVAL} while they last.
 */
final class WxAppChangePoller {

	static final Duration WARNING_INTERVAL = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(WxAppChangePoller.class);

	private final WxAppTable table;

	private final Duration interval;

	private final Duration overlap;

	private final Consumer<WxAppTable.Row> changed;

	private final Object lifecycleMonitor = new Object();

	private @Nullable ThreadPoolTaskScheduler scheduler;

	/** The database's time at the start of the last poll that succeeded. */
	private @Nullable Temporal lastPolled;

	private long failingSince;

	private long lastWarning;

	private boolean failing;

	WxAppChangePoller(WxAppTable table, Duration interval, Duration overlap, Consumer<WxAppTable.Row> changed) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("the poll interval must be positive");
		}
		this.table = table;
		this.interval = interval;
		this.overlap = overlap;
		this.changed = changed;
	}

	void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.scheduler != null) {
				return;
			}
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("wx-app-registry-poll-");
			scheduler.setDaemon(true);
			scheduler.setAwaitTerminationSeconds(5);
			scheduler.initialize();
			scheduler.scheduleWithFixedDelay(this::poll, Instant.now().plus(this.interval), this.interval);
			this.scheduler = scheduler;
		}
	}

	void stop() {
		ThreadPoolTaskScheduler stopped;
		synchronized (this.lifecycleMonitor) {
			stopped = this.scheduler;
			this.scheduler = null;
		}
		if (stopped != null) {
			stopped.shutdown();
		}
	}

	boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.scheduler != null;
		}
	}

	/** Read the changes once; runs on the poll's thread only. */
	void poll() {
		try {
			Temporal now = this.table.now();
			Temporal from = (this.lastPolled != null) ? this.lastPolled : now;
			List<WxAppTable.Row> rows = this.table.changedSince(from.minus(this.overlap));
			if (this.failing) {
				this.failing = false;
				logger.info("The app registry reads table wx_app again, after "
						+ Duration.ofNanos(System.nanoTime() - this.failingSince).toSeconds() + " s of failures");
			}
			rows.forEach(this.changed);
			this.lastPolled = now;
		}
		catch (RuntimeException ex) {
			long now = System.nanoTime();
			if (!this.failing) {
				this.failing = true;
				this.failingSince = now;
			}
			else if (now - this.lastWarning < WARNING_INTERVAL.toNanos()) {
				logger.debug("The app registry still cannot read table wx_app", ex);
				return;
			}
			this.lastWarning = now;
			logger.warn("The app registry cannot read table wx_app for changes made on other instances; the apps "
					+ "are served as they were until it can (" + ex + ")");
		}
	}

}
