package io.github.wxlogin.observability;

import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * What a health indicator reports with its details, read through the health API of the Spring Boot line
 * the tests run on.
 *
 * @param status the status code, such as {@code UP}
 * @param details the details
 * @param text the whole report as text
 */
record HealthProbe(String status, Map<String, Object> details, String text) {

	static HealthProbe of(HealthIndicator indicator) {
		Health health = indicator.getHealth(true);
		return new HealthProbe(health.getStatus().getCode(), health.getDetails(), health.toString());
	}

}
