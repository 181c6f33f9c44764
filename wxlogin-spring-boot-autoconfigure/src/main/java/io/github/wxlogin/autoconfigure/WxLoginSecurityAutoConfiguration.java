package io.github.wxlogin.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The starter's security filter chains. The endpoints ({@code wx.login.endpoints.base-path/**}) always
 * have one of their own, {@value #ENDPOINTS_CHAIN_BEAN_NAME}, ordered ahead of the host's chains: they
 * keep their rules whatever chains the host declares, and a host bean of that name replaces it. The
 * default chain, every other path behind the Bearer access token, is registered under the same condition
 * as Spring Boot's own default chain ({@code @ConditionalOnDefaultWebSecurity}: no
 * {@link SecurityFilterChain} bean) and before it, so that a host's own chain makes both back off.
 */
@AutoConfiguration(after = WxLoginAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		// Spring Boot 3.5
		"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, JwtDecoder.class })
@ConditionalOnBooleanProperty(name = "wx.login.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "wx.login.security.enabled", matchIfMissing = true)
// In this order: the default chain is decided before the endpoints' chain exists, by the host's chains alone
@Import({ WxSecurityChainConfigurations.DefaultChain.class, WxSecurityChainConfigurations.EndpointsChain.class,
		WxSecurityChainConfigurations.RequestChecks.class })
public final class WxLoginSecurityAutoConfiguration {

	/** Name of the endpoints' chain; a host {@link SecurityFilterChain} bean of this name replaces it. */
	public static final String ENDPOINTS_CHAIN_BEAN_NAME = "wxLoginEndpointsSecurityFilterChain";

	/** Order of the endpoints' chain: ahead of the host's chains, unordered or ordered after it. */
	public static final int ENDPOINTS_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	static final String DEFAULT_CHAIN_BEAN_NAME = "wxLoginSecurityFilterChain";

}
