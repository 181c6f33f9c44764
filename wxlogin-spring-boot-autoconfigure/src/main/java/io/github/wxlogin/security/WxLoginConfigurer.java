package io.github.wxlogin.security;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxLoginEndpoints;
import io.github.wxlogin.session.WxSessionActivity;
import io.github.wxlogin.token.WxIssuerMetadata;
import jakarta.servlet.DispatcherType;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * Applies the starter's rules to a security filter chain: the login, refresh and JWK set endpoints are
 * open, requests are authenticated with the Bearer access token, no session is kept, CSRF protection
 * (which guards cookies, not Bearer tokens) is off, and refused requests get {@code problem+json}.
 * <p>
 * A host that declares its own chain applies it before its own authorization rules:
 * <pre class="code">
 * http.with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults())
 *     .authorizeHttpRequests((requests) -&gt; requests.anyRequest().authenticated());
 * </pre>
 * The rules are registered as soon as the configurer is applied, so that the open endpoints come before
 * the host's {@code anyRequest()} rule.
 */
public final class WxLoginConfigurer extends AbstractHttpConfigurer<WxLoginConfigurer, HttpSecurity> {

	private WxLoginConfigurer() {
	}

	/**
	 * Return a configurer to apply with {@code http.with(wxLogin(), Customizer.withDefaults())}.
	 * @return the configurer
	 */
	public static WxLoginConfigurer wxLogin() {
		return new WxLoginConfigurer();
	}

	/**
	 * Apply the rules as soon as the configurer is applied: the open endpoints must come before the host's
	 * own rules, and the stateless session policy before anything sets up session-backed storage of the
	 * security context.
	 */
	@Override
	public void setBuilder(HttpSecurity http) {
		super.setBuilder(http);
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		if (context != null) {
			context.getBeanProvider(WxLoginChainCheck.class).ifAvailable((check) -> check.configured(http));
		}
		WxLoginEndpoints endpoints = (context != null) ? WxLoginEndpoints.configuredIn(context.getEnvironment())
				: WxLoginEndpoints.under(WxLoginEndpoints.DEFAULT_BASE_PATH);
		String issuer = (context != null) ? context.getEnvironment().getProperty(WxIssuerMetadata.ISSUER_PROPERTY) : null;
		ProblemJsonWriter problems = (context != null)
				? context.getBeanProvider(ProblemJsonWriter.class).getIfAvailable(() -> ProblemJsonWriter.of(context))
				: ProblemJsonWriter.of(null);
		WxSessionActivity activity = (context != null) ? context.getBeanProvider(WxSessionActivity.class).getIfUnique()
				: null;
		try {
			http.csrf((csrf) -> csrf.disable())
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.exceptionHandling((exceptions) -> exceptions
					.authenticationEntryPoint(new WxProblemAuthenticationEntryPoint(problems))
					.accessDeniedHandler(new WxProblemAccessDeniedHandler(problems)))
				.oauth2ResourceServer((resourceServer) -> resourceServer
					.jwt((jwt) -> jwt.jwtAuthenticationConverter(new WxJwtAuthenticationConverter(activity)))
					.authenticationEntryPoint(new WxProblemAuthenticationEntryPoint(problems))
					.accessDeniedHandler(new WxProblemAccessDeniedHandler(problems)));
			// Open whatever the method: a wrong one then gets Spring MVC's 405, not a 401
			http.authorizeHttpRequests((requests) -> requests
				.requestMatchers(endpoints.openPaths())
				.permitAll()
				.requestMatchers(WxIssuerMetadata.paths(issuer).toArray(String[]::new))
				.permitAll()
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll());
		}
		catch (Exception ex) {
			// Spring Security 6 declares these methods as throwing Exception; 7 does not
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
	}

}
