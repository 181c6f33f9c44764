package io.github.wxlogin.autoconfigure;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets an avatar of {@code wx.login.avatar.max-size} through Spring Boot's multipart parsing: unless the
 * application sets {@code spring.servlet.multipart.max-file-size} itself (Spring Boot's default is 1MB),
 * it defaults to the avatar limit. Given at the lowest precedence, so any setting of the application's wins.
 */
public final class WxMultipartDefaults implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String MAX_FILE_SIZE = "spring.servlet.multipart.max-file-size";

	private static final String PROPERTY_SOURCE_NAME = "wxLoginMultipartDefaults";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (environment.getProperty("wx.login.enabled", Boolean.class, true)
				&& environment.getProperty("wx.login.avatar.enabled", Boolean.class, true)
				&& !environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of(MAX_FILE_SIZE, "${wx.login.avatar.max-size:2MB}")));
		}
	}

	@Override
	public int getOrder() {
		// After the application's configuration is loaded
		return Ordered.HIGHEST_PRECEDENCE + 15;
	}

}
