package io.github.wxlogin.authserver;

import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.wxlogin.login.WxSignInService;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Adds the {@link WxLoginGrantTypes WeChat grants} to the authorization server of a
 * {@code SecurityFilterChain}: their {@link WxGrantAuthenticationConverter converters} at the token
 * endpoint and their {@link WxGrantAuthenticationProvider provider}, which uses the server's own
 * authorization service and token generator. Apply it before the authorization server's configurer:
 * <pre class="code">
 * http.with(WxLoginGrantsConfigurer.wxLoginGrants(), Customizer.withDefaults())
 *     .with(authorizationServer, Customizer.withDefaults());
 * </pre>
 * The starter declares a {@link JwtEncoder} bean that signs its own tokens with its own key; applied first,
 * this configurer has the authorization server sign with the keys it publishes (its {@link JWKSource}
 * bean) instead, as it would without the starter. Applied after, it fails start-up with a message that says
 * so. A host that declares its own {@code JwtEncoder} keeps it.
 */
public final class WxLoginGrantsConfigurer extends AbstractHttpConfigurer<WxLoginGrantsConfigurer, HttpSecurity> {

	/** The name of the starter's own encoder bean. */
	private static final String STARTER_ENCODER = "wxJwtEncoder";

	private @Nullable OAuth2AuthorizationService authorizations;

	private @Nullable OAuth2TokenGenerator<? extends OAuth2Token> tokens;

	private WxLoginGrantsConfigurer() {
	}

	/**
	 * The configurer of the WeChat grants.
	 * @return a new configurer
	 */
	public static WxLoginGrantsConfigurer wxLoginGrants() {
		return new WxLoginGrantsConfigurer();
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		signWithTheServersKeys(http, context);
		WxGrantAuthenticationProvider provider = new WxGrantAuthenticationProvider(
				context.getBean(WxSignInService.class), this::authorizations, this::tokens);
		http.authenticationProvider(postProcess(provider));
		AuthorizationServerConfigurers.addTokenRequestConverters(http,
				List.of(WxGrantAuthenticationConverter.login(), WxGrantAuthenticationConverter.phone()));
	}

	/** The authorization server's configurer has made both by now: it does so as it is initialized. */
	@Override
	public void configure(HttpSecurity http) {
		this.authorizations = http.getSharedObject(OAuth2AuthorizationService.class);
		this.tokens = http.getSharedObject(OAuth2TokenGenerator.class);
	}

	private OAuth2AuthorizationService authorizations() {
		if (this.authorizations == null) {
			throw new IllegalStateException("The authorization server's configurer made no OAuth2AuthorizationService");
		}
		return this.authorizations;
	}

	private OAuth2TokenGenerator<? extends OAuth2Token> tokens() {
		if (this.tokens == null) {
			throw new IllegalStateException("The authorization server's configurer made no OAuth2TokenGenerator");
		}
		return this.tokens;
	}

	/**
	 * Keep the authorization server from signing with the starter's encoder, the one {@code JwtEncoder} bean it
	 * would otherwise find: with the starter's key (EC by default) under the server's {@code RS256} header, and
	 * with keys the server does not publish.
	 */
	private static void signWithTheServersKeys(HttpSecurity http, ApplicationContext context) {
		Object starters = context.containsBean(STARTER_ENCODER) ? context.getBean(STARTER_ENCODER) : null;
		if (starters == null || context.getBeanProvider(JwtEncoder.class).getIfUnique() != starters) {
			return;
		}
		JwtEncoder chosen = http.getSharedObject(JwtEncoder.class);
		if (chosen == starters) {
			throw new IllegalStateException("The authorization server of this SecurityFilterChain took the "
					+ "starter's JwtEncoder: apply WxLoginGrantsConfigurer.wxLoginGrants() before the "
					+ "authorization server's configurer");
		}
		ResolvableType type = ResolvableType.forClassWithGenerics(JWKSource.class, SecurityContext.class);
		JWKSource<SecurityContext> keys = context.<JWKSource<SecurityContext>>getBeanProvider(type).getIfUnique();
		if (chosen == null && keys != null) {
			http.setSharedObject(JwtEncoder.class, new NimbusJwtEncoder(keys));
		}
	}

}
