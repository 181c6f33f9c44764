package io.github.wxlogin.login;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs {@link WxAccountDeletionService#purgeDue} every interval on a daemon thread of its own, while the
 * application runs. Every instance runs one; the store's lease lets one at a time purge, and another takes
 * over within {@link #LEASE_INTERVALS} intervals when that one stops. What is due is read from the store, so
 * a purge survives restarts.
 */
public class WxAccountPurger implements SmartLifecycle {

	/** How many intervals a lease lasts unless renewed. */
	static final int LEASE_INTERVALS = 3;

	/** How many accounts one run purges at most; the next run takes the rest. */
	static final int BATCH = 100;

	private static final Log logger = LogFactory.getLog(WxAccountPurger.class);

	private final WxAccountDeletionService deletions;

	private final Duration interval;

	private final String holder = UUID.randomUUID().toString();

	private final Object lifecycleMonitor = new Object();

	private @Nullable ThreadPoolTaskScheduler scheduler;

	/**
	 * Create a purger.
	 * @param deletions the deletions to purge
	 * @param interval how often to look for purges due
	 */
	public WxAccountPurger(WxAccountDeletionService deletions, Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("the purge interval must be positive");
		}
		this.deletions = deletions;
		this.interval = interval;
	}

	/**
	 * Purge what is due now, if this instance holds the lease; runs on the purger's thread, or in a test.
	 * @return how many accounts were purged
	 */
	public int purgeDue() {
		return this.deletions.purgeDue(this.holder, this.interval.multipliedBy(LEASE_INTERVALS), BATCH);
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.scheduler != null) {
				return;
			}
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("wx-account-purge-");
			scheduler.setDaemon(true);
			scheduler.setAwaitTerminationSeconds(5);
			scheduler.initialize();
			scheduler.scheduleWithFixedDelay(this::run, Instant.now().plus(this.interval), this.interval);
			this.scheduler = scheduler;
		}
	}

	private void run() {
		try {
			purgeDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not look for deleted accounts to purge; the next run retries (" + ex + ")");
		}
	}

	@Override
	public void stop() {
		ThreadPoolTaskScheduler stopped;
		synchronized (this.lifecycleMonitor) {
			stopped = this.scheduler;
			this.scheduler = null;
		}
		if (stopped != null) {
			stopped.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.scheduler != null;
		}
	}

}
