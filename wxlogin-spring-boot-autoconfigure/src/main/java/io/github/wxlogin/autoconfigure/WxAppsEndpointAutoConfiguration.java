package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.app.WxAppManager;
import io.github.wxlogin.app.WxAppRegistry;
import io.github.wxlogin.observability.WxAppsEndpoint;
import io.github.wxlogin.wechat.WxApiOutcomes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code wxapps} Actuator endpoint, when Actuator is present and the host exposes
 * the endpoint over HTTP ({@code management.endpoints.web.exposure.include}): like every endpoint but
 * {@code health}, it is off until then. Runs after {@link WxLoginAutoConfiguration}, whose app registry it
 * shows (or the host's); its changes need the registry's table (a {@link WxAppManager} bean).
 */
@AutoConfiguration(after = WxLoginAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean(WxAppRegistry.class)
public final class WxAppsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	// Web only: JMX exposure of every endpoint must not bring its changes along
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	WxAppsEndpoint wxAppsEndpoint(WxAppRegistry registry, ObjectProvider<WxAppManager> manager,
			ObjectProvider<WxApiOutcomes> outcomes) {
		return new WxAppsEndpoint(registry, manager.getIfAvailable(), outcomes.getIfAvailable(WxApiOutcomes::new));
	}

}
