package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.app.WxAppRegistry;
import io.github.wxlogin.observability.InMemoryAppRegistry;
import io.github.wxlogin.observability.WxAppsEndpoint;
import io.github.wxlogin.wechat.WxApiOutcomes;
import io.github.wxlogin.wechat.WxApp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WxAppsEndpointAutoConfiguration}: the endpoint exists only with Actuator, an app registry,
 * and once the host exposes it.
 */
class WxAppsEndpointAutoConfigurationTests {

	private static final String APPID = "wx0123456789abcdef";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class, WxAppsEndpointAutoConfiguration.class))
		.withPropertyValues("wx.login.appid=" + APPID, "wx.login.secret=9f86d081884c7d659a2feaa0c55ad015",
				"wx.login.security.enabled=false")
		.withBean(WxAppRegistry.class, () -> new InMemoryAppRegistry(new WxApp(APPID, "secret")));

	@Test
	void whenTheHostDoesNotExposeTheEndpointThenItIsOff() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(WxAppsEndpoint.class));
	}

	@Test
	void whenTheHostExposesTheEndpointOverHttpThenItIsOn() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=wxapps")
			.run((context) -> assertThat(context).hasSingleBean(WxAppsEndpoint.class));
	}

	@Test
	void exposingEveryEndpointOverJmxLeavesItOff() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=*")
			.run((context) -> assertThat(context).doesNotHaveBean(WxAppsEndpoint.class));
	}

	@Test
	void whenTheHostSwitchesItsAccessOffThenItIsOff() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=wxapps",
					"management.endpoint.wxapps.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(WxAppsEndpoint.class));
	}

	@Test
	void withoutActuatorThereIsNoEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=wxapps")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WxAppsEndpoint.class));
	}

	@Test
	void withTheStarterSwitchedOffThereIsNoEndpoint() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class, WxAppsEndpointAutoConfiguration.class))
			.withPropertyValues("wx.login.enabled=false", "management.endpoints.web.exposure.include=wxapps")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WxAppsEndpoint.class));
	}

	@Test
	void whenTheHostDefinesTheEndpointThenTheStarterBacksOff() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=wxapps")
			.withBean("hostWxApps", WxAppsEndpoint.class,
					() -> new WxAppsEndpoint(new InMemoryAppRegistry(), null, new WxApiOutcomes()))
			.run((context) -> assertThat(context).hasSingleBean(WxAppsEndpoint.class).hasBean("hostWxApps"));
	}

}
