package io.github.wxlogin.sample;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests of the {@code wxapps} Actuator endpoint, wherever management paths are mounted, with this
 * Spring Boot line's {@link EndpointRequest}.
 */
final class WxAppsEndpointRequest {

	private WxAppsEndpointRequest() {
	}

	static RequestMatcher matcher() {
		return EndpointRequest.to("wxapps");
	}

}
