import java.util.stream.Collectors;

import io.github.wxlogin.login.WxLoginObservation;
import io.github.wxlogin.login.WxLoginObservationContext;
import io.github.wxlogin.login.WxLoginObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * Whether a host's {@code MeterFilter.ignoreTags("appid")} folds the phone-number timer of many apps into one
 * series: the starter's own observation ({@link WxLoginObservation#PHONE_NUMBER}, its convention and context,
 * as {@code PhoneNumbers} makes it) recorded by Micrometer's meter handler, for APPS apps, without and with
 * the filter. Run with the sample app's libraries on the class path (apps.sh extracts them):
 *
 * <pre>java -cp 'BOOT-INF/lib/*' MeterFilterCheck.java 100</pre>
 */
public class MeterFilterCheck {

	public static void main(String[] args) {
		int apps = Integer.parseInt(args[0]);
		System.out.println("without a filter: " + series(apps, null));
		System.out.println("with MeterFilter.ignoreTags(\"appid\"): " + series(apps, MeterFilter.ignoreTags("appid")));
	}

	private static String series(int apps, MeterFilter filter) {
		MeterRegistry meters = new SimpleMeterRegistry();
		if (filter != null) {
			meters.config().meterFilter(filter);
		}
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		for (int i = 1; i <= apps; i++) {
			WxLoginObservationContext context = new WxLoginObservationContext("wxbe9d%012x".formatted(i));
			WxLoginObservation.PHONE_NUMBER
				.observation(null, new WxLoginObservationConvention(), () -> context, observations)
				.observe(() -> context.setOutcome("success"));
		}
		var timers = meters.find(WxLoginObservation.PHONE_NUMBER.getName()).timers();
		long count = timers.stream().mapToLong(Timer::count).sum();
		String tagKeys = timers.stream()
			.flatMap((timer) -> timer.getId().getTags().stream())
			.map((tag) -> tag.getKey())
			.distinct()
			.sorted()
			.collect(Collectors.joining(","));
		return timers.size() + " series of " + WxLoginObservation.PHONE_NUMBER.getName() + " (tags " + tagKeys + "), "
				+ count + " calls counted";
	}

}
