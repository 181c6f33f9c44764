package io.github.wxlogin.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bucket;
import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxErrorCodes;
import io.github.wxlogin.http.WxLoginEndpoints;
import io.github.wxlogin.login.WxAccountService;
import io.github.wxlogin.login.WxJwkSetService;
import io.github.wxlogin.login.WxLoginObservationConvention;
import io.github.wxlogin.login.WxSignInService;
import io.github.wxlogin.oauth2.WxIntrospectionClients;
import io.github.wxlogin.oauth2.WxTokenIntrospector;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.token.WxIssuerMetadata;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.web.CaffeineWxRateLimiter;
import io.github.wxlogin.web.WxEndpointErrorResolver;
import io.github.wxlogin.web.WxErrorDispatchFilter;
import io.github.wxlogin.web.WxIssuerMetadataRoutes;
import io.github.wxlogin.web.WxLoginController;
import io.github.wxlogin.web.WxLoginExceptionHandler;
import io.github.wxlogin.web.WxOAuth2Controller;
import io.github.wxlogin.web.WxLoginWebRuntimeHints;
import io.github.wxlogin.web.WxRateLimitInterceptor;
import io.github.wxlogin.web.WxRateLimiter;
import io.github.wxlogin.web.WxRequestBodyFilter;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The login endpoints and their {@code problem+json} errors.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(WxTokenService.class)
@Import({ WxTomcatConfiguration.class, WxAvatarConfiguration.class })
@ImportRuntimeHints(WxLoginWebRuntimeHints.class)
class WxWebConfiguration {

	/** The endpoints' bodies are a few hundred bytes; encrypted legacy data stays well under this. */
	private static final int MAX_BODY_BYTES = 16 * 1024;

	@Bean
	@ConditionalOnMissingBean
	WxLoginController wxLoginController(WxSignInService signIn, WxAccountService accounts, WxJwkSetService jwkSet,
			WxLoginSessionService sessions) {
		return new WxLoginController(signIn, accounts, jwkSet, sessions);
	}

	/**
	 * The issuer's metadata, where other services' resource servers look for it: when the issuer is a URL
	 * and the tokens' key is published.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "wxLoginIssuerMetadataRoutes")
	RouterFunction<ServerResponse> wxLoginIssuerMetadataRoutes(WxLoginProperties properties, WxJwkSetService jwkSet,
			ObjectProvider<WxSigningKey> signingKey) {
		WxSigningKey key = signingKey.getIfAvailable();
		WxLoginEndpoints paths = properties.endpoints().paths();
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("revocation_endpoint", paths.path(WxLoginEndpoints.REVOKE));
		if (!properties.introspection().clients().isEmpty()) {
			endpoints.put("introspection_endpoint", paths.path(WxLoginEndpoints.INTROSPECT));
		}
		Optional<WxIssuerMetadata> metadata = (key != null && jwkSet.publicJwkSet().isPresent())
				? WxIssuerMetadata.of(properties.jwt().issuer(), paths.path(WxLoginEndpoints.JWK_SET),
						key.algorithm().getName(), endpoints)
				: Optional.empty();
		return WxIssuerMetadataRoutes.of(metadata);
	}

	@Bean
	@ConditionalOnMissingBean
	WxTokenIntrospector wxTokenIntrospector(JwtDecoder jwtDecoder, WxTokenService tokens, WxSignInService signIn) {
		return new WxTokenIntrospector(jwtDecoder, tokens, signIn);
	}

	@Bean
	@ConditionalOnMissingBean
	WxOAuth2Controller wxOAuth2Controller(WxTokenIntrospector introspector, WxLoginProperties properties) {
		return new WxOAuth2Controller(introspector, new WxIntrospectionClients(properties.introspection().clients()));
	}

	@Bean
	@ConditionalOnMissingBean
	WxLoginExceptionHandler wxLoginExceptionHandler() {
		return new WxLoginExceptionHandler();
	}

	/** Refused logins and refreshes tagged with the code of their reply, which only the contract knows. */
	@Bean
	@ConditionalOnMissingBean
	WxLoginObservationConvention wxLoginObservationConvention() {
		return new WxLoginObservationConvention((failure) -> WxErrorCodes.of(failure).code());
	}

	/** Writes problems with Spring MVC's converters, as the advice's are written. */
	@Bean
	@ConditionalOnMissingBean
	ProblemJsonWriter wxLoginProblemJsonWriter(BeanFactory beans) {
		return ProblemJsonWriter.of(beans);
	}

	@Bean
	WxEndpointErrorResolver wxEndpointErrorResolver(WxLoginProperties properties, ProblemJsonWriter problems) {
		return new WxEndpointErrorResolver(properties.endpoints().paths(), problems);
	}

	@Bean
	FilterRegistrationBean<WxRequestBodyFilter> wxLoginWxRequestBodyFilter(WxLoginProperties properties,
			ProblemJsonWriter problems) {
		WxLoginProperties.Avatar avatar = properties.avatar();
		FilterRegistrationBean<WxRequestBodyFilter> registration = new FilterRegistrationBean<>(
				new WxRequestBodyFilter(MAX_BODY_BYTES, problems,
						avatar.enabled() ? properties.endpoints().paths().path(WxLoginEndpoints.PROFILE_AVATAR) : null,
						avatar.maxSize().toBytes(), List.of(properties.endpoints().paths().formPaths())));
		registration.addUrlPatterns(properties.endpoints().paths().servletUrlPattern());
		// Before the security filters, so that an oversized body is refused before any work is done
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<WxErrorDispatchFilter> wxLoginErrorDispatchFilter(WxLoginProperties properties,
			ProblemJsonWriter problems) {
		FilterRegistrationBean<WxErrorDispatchFilter> registration = new FilterRegistrationBean<>(
				new WxErrorDispatchFilter(properties.endpoints().paths(), problems));
		// The error dispatch only, ahead of Spring Boot's error page
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Bucket.class)
	@ConditionalOnBooleanProperty(name = "wx.login.rate-limit.enabled", matchIfMissing = true)
	static class WxRateLimitConfiguration implements WebMvcConfigurer {

		private final WxLoginProperties properties;

		private final WxRateLimiter.Factory limiters;

		WxRateLimitConfiguration(WxLoginProperties properties, ObjectProvider<WxRateLimiter.Factory> limiters) {
			this.properties = properties;
			this.limiters = limiters
				.getIfAvailable(() -> (name, capacity, period) -> new CaffeineWxRateLimiter(capacity, period));
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			WxLoginProperties.RateLimit limits = this.properties.rateLimit();
			WxLoginEndpoints endpoints = this.properties.endpoints().paths();
			registry.addInterceptor(WxRateLimitInterceptor.perClientAddress(limiter("login", limits.loginPerIp())))
				.addPathPatterns(endpoints.paths(WxLoginEndpoints.LOGIN, WxLoginEndpoints.LOGIN_PHONE));
			registry.addInterceptor(WxRateLimitInterceptor.perClientAddress(limiter("refresh", limits.refreshPerIp())))
				.addPathPatterns(endpoints.path(WxLoginEndpoints.TOKEN_REFRESH));
			registry.addInterceptor(WxRateLimitInterceptor.perUser(limiter("phone", limits.phonePerUser())))
				.addPathPatterns(endpoints.paths(WxLoginEndpoints.PHONE, WxLoginEndpoints.PHONE_DECRYPT));
		}

		private WxRateLimiter limiter(String name, long capacity) {
			return this.limiters.create(name, capacity, this.properties.rateLimit().period());
		}

	}

}
