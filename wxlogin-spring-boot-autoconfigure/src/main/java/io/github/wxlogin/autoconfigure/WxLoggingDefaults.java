package io.github.wxlogin.autoconfigure;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Logging defaults that keep tokens out of the log, given at the lowest precedence so that any setting of
 * the application's wins: Tomcat logs a request header it cannot parse, a malformed
 * {@code Authorization: Bearer ...} included, at INFO ({@code Http11Processor}'s "Error parsing HTTP
 * request header"); at WARN it logs none. The request is still refused with 400.
 */
public final class WxLoggingDefaults implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String TOMCAT_HEADER_PARSE_LOGGER = "logging.level.org.apache.coyote.http11.Http11Processor";

	private static final String PROPERTY_SOURCE_NAME = "wxLoginLoggingDefaults";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (environment.getProperty("wx.login.enabled", Boolean.class, true)
				&& !environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(TOMCAT_HEADER_PARSE_LOGGER, "warn")));
		}
	}

	@Override
	public int getOrder() {
		// After the application's configuration is loaded (+10), before the logging system reads it (+20)
		return Ordered.HIGHEST_PRECEDENCE + 15;
	}

}
