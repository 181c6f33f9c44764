import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Starts the sample app with an {@link ApplicationStartup} that times each of Spring's start-up steps (bean
 * instantiations, configuration class parsing, ...) in CPU time of the main thread rather than wall time, as
 * Boot's BufferingApplicationStartup does: on a shared, loaded machine wall times mostly measure the wait for a
 * core. Prints the totals, the number of classes loaded, then every step with its own time (its children's
 * taken out), largest first. Run as a single-file program on the extracted sample app, see attribute.sh.
 */
public class CpuStartupSteps implements ApplicationStartup {

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final Thread main = Thread.currentThread();

	private final Deque<Step> open = new ArrayDeque<>();

	private final List<Step> ended = new ArrayList<>();

	private long ids;

	@Override
	public StartupStep start(String name) {
		Step parent = open.peek();
		Step step = new Step(name, (parent != null) ? parent.id : null);
		if (Thread.currentThread() == this.main) {
			this.open.push(step);
		}
		return step;
	}

	public static void main(String[] args) throws Exception {
		long cpu = threads.getCurrentThreadCpuTime();
		long wall = System.nanoTime();
		SpringApplication application = new SpringApplication(
				Class.forName(System.getProperty("app", "io.github.wxlogin.sample.SampleApplication")));
		CpuStartupSteps startup = new CpuStartupSteps();
		application.setApplicationStartup(startup);
		ConfigurableApplicationContext context = application.run(args);
		long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		System.out.printf("TOTAL main-thread CPU %.0f ms, process CPU %.0f ms, wall %.0f ms, classes %d%n",
				(threads.getCurrentThreadCpuTime() - cpu) / 1e6, process / 1e6, (System.nanoTime() - wall) / 1e6,
				ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
		startup.ended.sort(Comparator.comparingLong(Step::self).reversed());
		for (Step step : startup.ended) {
			System.out.printf("STEP self %6.1f ms incl %6.1f ms  %s %s%n", step.self() / 1e6, step.cpu / 1e6, step.name,
					String.join(" ", step.tags));
		}
		context.close();
		System.exit(0);
	}

	private final class Step implements StartupStep {

		final long id = ids++;

		final Long parent;

		final String name;

		final List<String> tags = new ArrayList<>();

		final long started = threads.getCurrentThreadCpuTime();

		long cpu;

		long children;

		Step(String name, Long parent) {
			this.name = name;
			this.parent = parent;
		}

		long self() {
			return this.cpu - this.children;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public long getId() {
			return this.id;
		}

		@Override
		public Long getParentId() {
			return this.parent;
		}

		@Override
		public StartupStep tag(String key, String value) {
			// counts differ between variants and would keep the same step apart
			if (!key.endsWith("ount")) {
				this.tags.add(key + "=" + value.replaceAll("@[0-9a-f]+$", ""));
			}
			return this;
		}

		@Override
		public StartupStep tag(String key, Supplier<String> value) {
			return tag(key, value.get());
		}

		@Override
		public Tags getTags() {
			return Collections::emptyIterator;
		}

		@Override
		public void end() {
			if (!open.remove(this)) {
				return; // a step of another thread: not timed
			}
			this.cpu = threads.getCurrentThreadCpuTime() - this.started;
			Step parent = open.peek();
			if (parent != null) {
				parent.children += this.cpu;
			}
			ended.add(this);
		}

	}

}
