package io.github.wxlogin.observability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.wxlogin.observability.WxLoginWarmUp.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up before the web server starts: every step done before it returns, and a store that is down
 * or hangs does not keep the application from starting.
 */
@ExtendWith(OutputCaptureExtension.class)
class WxLoginWarmUpTests {

	@Test
	void everyStepIsDoneWhenTheWarmUpReturns() {
		AtomicBoolean database = new AtomicBoolean();
		AtomicBoolean redis = new AtomicBoolean();
		WxLoginWarmUp warmUp = new WxLoginWarmUp(List.of(new Step("database", () -> {
			Thread.sleep(200);
			database.set(true);
			return null;
		}), new Step("Redis store", () -> redis.getAndSet(true))), Duration.ofSeconds(30));
		warmUp.start();
		assertThat(database).isTrue();
		assertThat(redis).isTrue();
		assertThat(warmUp.isRunning()).isTrue();
	}

	@Test
	void aStepThatFailsIsLoggedWithoutItsMessageAndDoesNotFailTheStart(CapturedOutput output) {
		WxLoginWarmUp warmUp = new WxLoginWarmUp(List.of(new Step("database", () -> {
			throw new IllegalStateException("jdbc:postgresql://db/app?password=hunter2");
		})), Duration.ofSeconds(30));
		warmUp.start();
		assertThat(output).contains("The database could not be made ready at start-up (java.lang.IllegalStateException)")
			.doesNotContain("hunter2");
	}

	@Test
	void aStepThatHangsIsLeftAtTheTimeout(CapturedOutput output) throws InterruptedException {
		CountDownLatch never = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		WxLoginWarmUp warmUp = new WxLoginWarmUp(List.of(new Step("Redis store", () -> {
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
			return null;
		})), Duration.ofMillis(200));
		warmUp.start();
		assertThat(output).contains("The Redis store was not ready within PT0.2S");
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!interrupted.get() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(interrupted).as("the hung step was interrupted").isTrue();
	}

}
