package io.github.wxlogin.autoconfigure;

import org.springframework.util.ClassUtils;

/**
 * Spring Boot's own auto-configurations that the tests run beside ours, found by name: Spring Boot 4
 * moved them to other packages than 3.5.
 */
final class BootAutoConfigurations {

	static final String DATA_SOURCE_4 = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	static final String DATA_SOURCE_3 = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration";

	private BootAutoConfigurations() {
	}

	static Class<?> dataSource() {
		return present(DATA_SOURCE_4, DATA_SOURCE_3);
	}

	static Class<?> redis() {
		return present("org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration");
	}

	static Class<?> webSecurity() {
		return present("org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration");
	}

	/** Spring MVC, whose request matchers Spring Security 6's chains use. */
	static Class<?> webMvc() {
		return present("org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
				"org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration");
	}

	private static Class<?> present(String... names) {
		ClassLoader classLoader = BootAutoConfigurations.class.getClassLoader();
		for (String name : names) {
			if (ClassUtils.isPresent(name, classLoader)) {
				return ClassUtils.resolveClassName(name, classLoader);
			}
		}
		throw new IllegalStateException("None of " + String.join(", ", names) + " is on the class path");
	}

}
