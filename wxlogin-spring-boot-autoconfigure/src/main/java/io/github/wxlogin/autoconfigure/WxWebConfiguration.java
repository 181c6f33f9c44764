package io.github.wxlogin.autoconfigure;

import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.bucket4j.Bucket;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.security.ProblemJsonWriter;
import io.github.wxlogin.session.WxSessionKeyStore;
import io.github.wxlogin.token.TokenRevocationStore;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApps;
import io.github.wxlogin.web.WxEndpointErrorResolver;
import io.github.wxlogin.web.WxLoginController;
import io.github.wxlogin.web.WxLoginExceptionHandler;
import io.github.wxlogin.web.WxLoginMetrics;
import io.github.wxlogin.web.WxRequestBodyFilter;
import io.github.wxlogin.web.WxProfileEditor;
import io.github.wxlogin.web.WxRateLimitInterceptor;
import io.github.wxlogin.web.CaffeineWxRateLimiter;
import io.github.wxlogin.web.WxRateLimiter;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The login endpoints and their {@code problem+json} errors.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(WxTokenService.class)
@Import(WxTomcatConfiguration.class)
class WxWebConfiguration {

	/** The endpoints' bodies are a few hundred bytes; encrypted legacy data stays well under this. */
	private static final int MAX_BODY_BYTES = 16 * 1024;

	@Bean
	@ConditionalOnMissingBean
	WxProfileEditor wxProfileEditor(WxApiClient wechat, WxUserService users, WxLoginProperties properties) {
		return new WxProfileEditor(wechat, users, properties.profile().contentCheck());
	}

	@Bean
	@ConditionalOnMissingBean
	WxLoginController wxLoginController(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys, WxUserService users, WxTokenService tokens, TokenRevocationStore revocations,
			WxProfileEditor profiles, ObjectProvider<WxSigningKey> signingKey, ObjectProvider<WxLoginMetrics> metrics) {
		JWKSet publicKeys = signingKey.stream().map(WxSigningKey::publicJwkSet).findFirst().orElseGet(JWKSet::new);
		return new WxLoginController(apps, wechat, sessionKeys, users, tokens, revocations, profiles,
				publicKeys.getKeys().isEmpty() ? Map.of() : publicKeys.toJSONObject(),
				metrics.getIfAvailable(() -> WxLoginMetrics.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	WxLoginExceptionHandler wxLoginExceptionHandler(ObjectProvider<WxLoginMetrics> metrics) {
		return new WxLoginExceptionHandler(metrics.getIfAvailable(() -> WxLoginMetrics.NONE));
	}

	/** Writes problems with Spring MVC's converters, as the advice's are written. */
	@Bean
	@ConditionalOnMissingBean
	ProblemJsonWriter wxLoginProblemJsonWriter(BeanFactory beans) {
		return ProblemJsonWriter.of(beans);
	}

	@Bean
	WxEndpointErrorResolver wxEndpointErrorResolver(WxLoginProperties properties, ProblemJsonWriter problems) {
		return new WxEndpointErrorResolver(basePath(properties), problems);
	}

	@Bean
	FilterRegistrationBean<WxRequestBodyFilter> wxLoginWxRequestBodyFilter(WxLoginProperties properties,
			ProblemJsonWriter problems) {
		FilterRegistrationBean<WxRequestBodyFilter> registration = new FilterRegistrationBean<>(
				new WxRequestBodyFilter(MAX_BODY_BYTES, problems));
		registration.addUrlPatterns(basePath(properties) + "/*");
		// Before the security filters, so that an oversized body is refused before any work is done
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** The base path without a trailing slash. */
	static String basePath(WxLoginProperties properties) {
		String basePath = properties.endpoints().basePath();
		return basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
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
			String basePath = basePath(this.properties);
			registry
				.addInterceptor(new WxRateLimitInterceptor(
						this.limiters.create("login", limits.loginPerIp(), limits.period()),
						this.limiters.create("refresh", limits.refreshPerIp(), limits.period()),
						this.limiters.create("phone", limits.phonePerUser(), limits.period())))
				.addPathPatterns(basePath + "/login", basePath + "/token/refresh", basePath + "/phone",
						basePath + "/phone/decrypt");
		}

	}

}
