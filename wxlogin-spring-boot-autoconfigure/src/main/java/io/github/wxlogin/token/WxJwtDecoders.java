package io.github.wxlogin.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the decoder of the starter's access tokens from the same key that signs them: the algorithm is
 * pinned to that key's, the key comes only from the starter's own key set (headers such as {@code jku},
 * {@code x5u} or {@code jwk} are never followed), the {@code typ} header is {@code JWT} or absent (as
 * Spring Security 7 requires by default), and {@code iss}, {@code aud}, {@code exp}, {@code nbf},
 * {@code iat} (not in the future, give or take the clock skew), {@code sub} and {@code jti} are checked.
 * Revocation is checked by the {@link CachingJwtDecoder} around it, the one place that sees every use of a
 * token.
 */
public final class WxJwtDecoders {

	/** The one error of a token refused for its expiry. */
	private static final OAuth2Error EXPIRED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token expired",
			null);

	private WxJwtDecoders() {
	}

	/**
	 * Return whether a decoder made here refused a token for its expiry alone: its signature and every
	 * other claim are valid, so it was valid once.
	 * @param refusal the decoder's refusal
	 * @return whether the token's expiry is its only fault
	 */
	static boolean isExpiredOnly(JwtValidationException refusal) {
		return refusal.getErrors().size() == 1 && refusal.getErrors().contains(EXPIRED);
	}

	private static boolean expired(Jwt jwt, Duration clockSkew, Clock clock) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && clock.instant().minus(clockSkew).isAfter(expiresAt);
	}

	/**
	 * Create a decoder.
	 * @param signingKey the key tokens are signed with
	 * @param settings the expected issuer and audience, and the clock skew
	 * @param appids the AppIDs of the apps served, the accepted audiences when the settings name none
	 * @param clock the clock that tells expiry
	 * @return the decoder
	 */
	public static NimbusJwtDecoder create(WxSigningKey signingKey, WxTokenSettings settings,
			Collection<String> appids, Clock clock) {
		return create(signingKey, settings, Set.copyOf(appids)::contains, clock);
	}

	/**
	 * Create a decoder whose apps may change at run time.
	 * @param signingKey the key tokens are signed with
	 * @param settings the expected issuer and audience, and the clock skew
	 * @param servedAppid whether an AppID is of an app served, which makes it an accepted audience when the
	 * settings name none
	 * @param clock the clock that tells expiry
	 * @return the decoder
	 */
	public static NimbusJwtDecoder create(WxSigningKey signingKey, WxTokenSettings settings,
			Predicate<String> servedAppid, Clock clock) {
		JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(signingKey.jwkSet());
		// Built by hand because Spring Security 6 lacks NimbusJwtDecoder.withJwkSource. Only the key selector
		// decides: the key set is ours and the algorithm pinned, and the validators below check the typ header
		// and the claims
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier((type, context) -> {
		});
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(signingKey.algorithm(), keys));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		String audience = settings.audience();
		Predicate<String> audiences = (audience != null) ? audience::equals : servedAppid;
		decoder.setJwtValidator(validator(settings, audiences, clock));
		return decoder;
	}

	private static OAuth2TokenValidator<Jwt> validator(WxTokenSettings settings, Predicate<String> audiences,
			Clock clock) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
		timestamps.setClock(clock);
		return new DelegatingOAuth2TokenValidator<>(List.of(JwtTypeValidator.jwt(),
				// Expiry apart, with an error of its own: a token refused for it alone was valid once
				(jwt) -> expired(jwt, settings.clockSkew(), clock) ? OAuth2TokenValidatorResult.failure(EXPIRED)
						: OAuth2TokenValidatorResult.success(),
				(jwt) -> expired(jwt, settings.clockSkew(), clock) ? OAuth2TokenValidatorResult.success()
						: timestamps.validate(jwt),
				new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
				// JwtTimestampValidator leaves iat alone; a token issued in the future was not issued by us
				new JwtClaimValidator<Instant>(JwtClaimNames.IAT,
						(iat) -> iat != null && !iat.isAfter(clock.instant().plus(settings.clockSkew()))),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, (sub) -> sub != null && !sub.isBlank()),
				new JwtClaimValidator<String>(JwtClaimNames.JTI, (jti) -> jti != null && !jti.isBlank()),
				new JwtIssuerValidator(settings.issuer()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(aud) -> aud != null && aud.stream().anyMatch(audiences))));
	}

}
