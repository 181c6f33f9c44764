package io.github.wxlogin.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The {@code media_check_async} calls accepted, and their verdicts: pushed on demand, or
 * automatically after a delay once {@link #automatic(String, Duration)} is set.
 */
final class MediaChecks implements AutoCloseable {

	private final List<MediaCheck> accepted = new CopyOnWriteArrayList<>();

	private final MessagePush push;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "fake-wechat-media-check");
		thread.setDaemon(true);
		return thread;
	});

	private volatile @Nullable Automatic automatic;

	MediaChecks(MessagePush push) {
		this.push = push;
	}

	void accept(MediaCheck check) {
		this.accepted.add(check);
		Automatic verdict = this.automatic;
		if (verdict != null) {
			this.scheduler.schedule(() -> deliver(check, verdict.suggest()), verdict.delay().toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	List<MediaCheck> accepted() {
		return List.copyOf(this.accepted);
	}

	void automatic(@Nullable String suggest, Duration delay) {
		this.automatic = (suggest != null) ? new Automatic(suggest, delay) : null;
	}

	PushDelivery verdict(String traceId, String suggest) {
		MediaCheck check = this.accepted.stream()
			.filter((candidate) -> candidate.traceId().equals(traceId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No media check with trace id " + traceId));
		return deliver(check, suggest);
	}

	private PushDelivery deliver(MediaCheck check, String suggest) {
		return this.push.push(check.appid(), this.push.mediaCheckEvent(check, suggest));
	}

	void clear() {
		this.accepted.clear();
		this.automatic = null;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	private record Automatic(String suggest, Duration delay) {
	}

}
