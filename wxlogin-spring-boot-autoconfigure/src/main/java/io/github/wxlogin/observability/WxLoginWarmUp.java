package io.github.wxlogin.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Makes the stores ready for the first logins before the web server takes a request, so that a cold
 * instance's first burst is served like a warm one's: the connection pool filled to its minimum and the
 * account tables checked, Redis connected and the starter's scripts loaded. The application reports
 * ready (Spring Boot's readiness state) only after the web server has started, so only after this.
 * <p>
 * Each step runs once, all at the same time, for at most the warm-up timeout. A store that is down at
 * start-up does not keep the application from starting: its step fails, one WARN line says so, and the
 * store's health shows it; the first logins then wait for it as they would have anyway.
 */
public final class WxLoginWarmUp implements SmartLifecycle {

	/**
	 * Before the web server starts (Spring Boot starts it at {@code DEFAULT_PHASE - 2048}), after every
	 * bean of the default phase.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(WxLoginWarmUp.class);

	private final List<Step> steps;

	private final Duration timeout;

	private volatile boolean running;

	/**
	 * Create a warm-up.
	 * @param steps what to make ready
	 * @param timeout the longest the steps may take together
	 */
	public WxLoginWarmUp(List<Step> steps, Duration timeout) {
		this.steps = List.copyOf(steps);
		this.timeout = timeout;
	}

	@Override
	public void start() {
		this.running = true;
		List<Future<?>> started = new ArrayList<>();
		for (Step step : this.steps) {
			FutureTask<?> task = new FutureTask<>(step.action());
			Thread thread = new Thread(task, "wxlogin-warm-up-" + step.name());
			thread.setDaemon(true);
			thread.start();
			started.add(task);
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		for (int i = 0; i < started.size(); i++) {
			await(this.steps.get(i), started.get(i), deadline);
		}
	}

	private void await(Step step, Future<?> task, long deadline) {
		try {
			task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			task.cancel(true);
			logger.warn("The " + step.name() + " was not ready within " + this.timeout
					+ " (wx.login.store.warm-up-timeout); the first logins wait for it");
		}
		catch (ExecutionException ex) {
			// the cause's class only: a driver's message may hold a URL with credentials
			logger.warn("The " + step.name() + " could not be made ready at start-up ("
					+ ex.getCause().getClass().getName() + "); the first logins wait for it");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * One thing to make ready.
	 *
	 * @param name what it makes ready, as log lines name it, such as {@code database}
	 * @param action the work, which throws when the store does not answer
	 */
	public record Step(String name, Callable<?> action) {

	}

}
