package io.github.wxlogin.token;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What issued access tokens say and how long tokens live.
 *
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim of every token, or {@code null} for the AppID of the token's user
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token
 * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat} when tokens are checked
 * @param refreshReuseInterval how long after its rotation a spent refresh token presented again is answered
 * with the same successor (a lost reply, retried) rather than taken for a reuse; zero never
 */
public record WxTokenSettings(String issuer, @Nullable String audience, Duration accessTokenTtl, Duration refreshTokenTtl,
		Duration clockSkew, Duration refreshReuseInterval) {

	/**
	 * Create settings without a reuse interval: a spent refresh token presented again is always a reuse.
	 * @param issuer the {@code iss} claim
	 * @param audience the {@code aud} claim of every token, or {@code null} for the AppID of the token's user
	 * @param accessTokenTtl lifetime of an access token
	 * @param refreshTokenTtl lifetime of a refresh token
	 * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat} when tokens are checked
	 */
	public WxTokenSettings(String issuer, @Nullable String audience, Duration accessTokenTtl,
			Duration refreshTokenTtl, Duration clockSkew) {
		this(issuer, audience, accessTokenTtl, refreshTokenTtl, clockSkew, Duration.ZERO);
	}

}
