package io.github.wxlogin.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.session.RefreshTokenStore;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionActivity;
import io.github.wxlogin.token.CachingJwtDecoder;
import io.github.wxlogin.token.WxJwtClaimsCustomizer;
import io.github.wxlogin.token.WxJwtDecoders;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.token.WxTokenSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.StreamUtils;
import org.springframework.util.StringUtils;

/**
 * One signing key, the encoder and decoder built on it, and the token service.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ JwtEncoder.class, JwtDecoder.class })
class WxTokenConfiguration {

	private static final Log logger = LogFactory.getLog(WxTokenConfiguration.class);

	/** Enough for the tokens in use on one busy instance; a token evicted early is verified again. */
	private static final long VERIFIED_TOKENS = 100_000;

	private static final String PRIVATE_KEY_LOCATION = "wx.login.jwt.private-key-location";

	private static final String PUBLIC_KEY_LOCATION = "wx.login.jwt.public-key-location";

	@Bean
	@ConditionalOnMissingBean
	WxSigningKey wxSigningKey(WxLoginProperties properties, ResourceLoader resourceLoader) {
		WxLoginProperties.Jwt jwt = properties.jwt();
		// an unset ${VARIABLE} is no key: the generated one below, rather than a misleading "too short"
		boolean hmac = StringUtils.hasText(UnresolvedPlaceholder.orMissing("wx.login.jwt.hmac-secret",
				jwt.hmacSecret(), logger));
		boolean pem = StringUtils.hasText(UnresolvedPlaceholder.orMissing("wx.login.jwt.private-key-location",
				jwt.privateKeyLocation(), logger));
		if (hmac && pem) {
			throw new WxLoginPropertyException("wx.login.jwt.hmac-secret",
					"and 'wx.login.jwt.private-key-location' are both set",
					"Set only one: 'wx.login.jwt.hmac-secret' for HS256, or 'wx.login.jwt.private-key-location' for "
							+ "RS256/ES256 with a published JWK set.");
		}
		if (!pem && StringUtils.hasText(jwt.publicKeyLocation())) {
			throw new WxLoginPropertyException(PUBLIC_KEY_LOCATION, "is set without '" + PRIVATE_KEY_LOCATION + "'",
					"Set '" + PRIVATE_KEY_LOCATION + "' to the private key it belongs to, or remove '"
							+ PUBLIC_KEY_LOCATION + "'.");
		}
		if (hmac) {
			return hmacKey(jwt);
		}
		if (pem) {
			return pemKey(jwt, resourceLoader);
		}
		logger.warn("No wx.login.jwt.hmac-secret or wx.login.jwt.private-key-location is set: access tokens are "
				+ "signed with an EC key generated at start-up, so they do not survive a restart and are not valid "
				+ "on other instances.");
		return WxSigningKey.generateEc();
	}

	private static WxSigningKey hmacKey(WxLoginProperties.Jwt jwt) {
		try {
			return WxSigningKey.hmac(jwt.hmacSecret(), jwt.keyId());
		}
		catch (IllegalArgumentException ex) {
			throw new WxLoginPropertyException("wx.login.jwt.hmac-secret",
					"is too short: HS256 needs at least " + WxSigningKey.MIN_HMAC_SECRET_BYTES + " bytes",
					"Set 'wx.login.jwt.hmac-secret' to a random value of at least "
							+ WxSigningKey.MIN_HMAC_SECRET_BYTES + " bytes, for example the output of "
							+ "'openssl rand -base64 48'.");
		}
	}

	private static WxSigningKey pemKey(WxLoginProperties.Jwt jwt, ResourceLoader resourceLoader) {
		String location = jwt.privateKeyLocation();
		String action = "Point 'wx.login.jwt.private-key-location' at a readable PEM of an RSA or EC P-256 "
				+ "private key, for example one made with 'openssl genpkey -algorithm EC -pkeyopt "
				+ "ec_paramgen_curve:P-256 -out key.pem'.";
		String privateKey = read(PRIVATE_KEY_LOCATION, location, resourceLoader, action);
		String publicKey = StringUtils.hasText(jwt.publicKeyLocation())
				? read(PUBLIC_KEY_LOCATION, jwt.publicKeyLocation(), resourceLoader, "Point '" + PUBLIC_KEY_LOCATION
						+ "' at a readable PEM of the private key's public key or certificate, or remove it.")
				: null;
		try {
			return WxSigningKey.fromPem(privateKey, publicKey, jwt.keyId());
		}
		catch (WxSigningKey.MissingPublicKeyException ex) {
			throw new WxLoginPropertyException(PRIVATE_KEY_LOCATION, "names '" + location
					+ "', an EC private key written without its public key, which the JDK cannot compute",
					"Add the public key to the PEM that '" + PRIVATE_KEY_LOCATION + "' names, for example with "
							+ "'openssl pkey -in key.pem -pubout >> key.pem', or point '" + PUBLIC_KEY_LOCATION + "' at a PEM of the public key (made with "
							+ "'openssl pkey -in key.pem -pubout -out public.pem') or of a certificate of it.");
		}
		catch (IllegalArgumentException ex) {
			throw new WxLoginPropertyException(PRIVATE_KEY_LOCATION,
					"names '" + location + "', which is not usable: " + ex.getMessage(), action);
		}
	}

	private static String read(String property, String location, ResourceLoader resourceLoader, String action) {
		Resource resource = resourceLoader.getResource(location);
		try (InputStream in = resource.getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new WxLoginPropertyException(property, "names '" + location + "', which cannot be read", action);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	WxTokenSettings wxTokenSettings(WxLoginProperties properties) {
		WxLoginProperties.Jwt jwt = properties.jwt();
		String audience = StringUtils.hasText(jwt.audience()) ? jwt.audience() : null;
		return new WxTokenSettings(jwt.issuer(), audience, jwt.accessTokenTtl(), jwt.refreshTokenTtl(),
				jwt.clockSkew(), jwt.refreshReuseInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	JwtEncoder wxJwtEncoder(WxSigningKey signingKey) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(signingKey.jwkSet()));
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(WxSigningKey signingKey, WxTokenSettings settings, WxApps apps,
			TokenRevocationStore revocations, ObjectProvider<Clock> clock) {
		Clock now = clock.getIfAvailable(Clock::systemUTC);
		// the app registry answers from memory: asking it on every use costs no store call
		Predicate<String> served = (appid) -> apps.lookUp(appid).isPresent();
		return new CachingJwtDecoder(WxJwtDecoders.create(signingKey, settings, served, now), revocations, now,
				settings.clockSkew(), VERIFIED_TOKENS, (appid) -> apps.find(appid).isPresent());
	}

	@Bean
	@ConditionalOnMissingBean
	WxLoginSessionService wxLoginSessionService(RefreshTokenStore refreshTokens, TokenRevocationStore revocations,
			WxLoginProperties properties, ObjectProvider<Clock> clock, ApplicationEventPublisher events) {
		// the apps of a registry's table take the limit of "wx.login.sessions"
		return new WxLoginSessionService(refreshTokens, revocations, maxSessionsPerAccount(properties),
				properties.sessions().maxPerAccount(), properties.jwt().accessTokenTtl(),
				properties.sessions().idleTimeoutOrZero(), clock.getIfAvailable(Clock::systemUTC), events);
	}

	@Bean
	@ConditionalOnMissingBean
	WxSessionActivity wxSessionActivity(RefreshTokenStore refreshTokens, WxLoginProperties properties,
			ObjectProvider<Clock> clock) {
		return new WxSessionActivity(refreshTokens, properties.sessions().idleTimeoutOrZero(),
				clock.getIfAvailable(Clock::systemUTC));
	}

	/** Each mini program's own limit, or the one of "wx.login.sessions" when it sets none. */
	private static Map<String, Integer> maxSessionsPerAccount(WxLoginProperties properties) {
		Map<String, Integer> limits = new HashMap<>();
		if (properties.apps() != null) {
			properties.apps().forEach((name, app) -> {
				if (app.sessions() != null && app.sessions().idleTimeout() != null) {
					throw new WxLoginPropertyException("wx.login.apps." + name + ".sessions.idle-timeout",
							"is set for one mini program", "Set 'wx.login.sessions.idle-timeout' instead: it applies "
									+ "to every mini program.");
				}
			});
		}
		WxApiConfiguration.configuredApps(properties).values().forEach((app) -> {
			Integer own = (app.sessions() != null) ? app.sessions().maxPerAccount() : null;
			Integer max = (own != null) ? own : properties.sessions().maxPerAccount();
			if (max != null && StringUtils.hasText(app.appid())) {
				limits.put(app.appid().trim(), max);
			}
		});
		return limits;
	}

	@Bean
	@ConditionalOnMissingBean
	WxTokenService wxTokenService(JwtEncoder encoder, WxSigningKey signingKey, RefreshTokenStore refreshTokens,
			WxLoginSessionService sessions, WxTokenSettings settings, ObjectProvider<Clock> clock,
			ObjectProvider<WxJwtClaimsCustomizer> customizers) {
		return new WxTokenService(encoder, signingKey, refreshTokens, sessions, settings,
				clock.getIfAvailable(Clock::systemUTC), customizers.orderedStream().toList());
	}

}
