package io.github.wxlogin.benchmark.token;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.session.CaffeineRefreshTokenStore;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.token.WxTokenSettings;

import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The objects the starter's auto-configuration builds around one signing key, wired the same way by
 * hand.
 */
final class TokenFixture {

	static final String APPID = "wxbe9c000000000001";

	/** Short, so that the refresh tokens a long issuing run stores expire instead of piling up. */
	private static final Duration REFRESH_TOKEN_TTL = Duration.ofSeconds(10);

	final Clock clock = Clock.systemUTC();

	final WxSigningKey key;

	final WxTokenSettings settings = new WxTokenSettings("wxlogin", APPID, Duration.ofHours(2), REFRESH_TOKEN_TTL,
			Duration.ofSeconds(30));

	final JwtEncoder encoder;

	final TokenRevocationStore revocations = new CaffeineTokenRevocationStore(this.clock, this.settings.clockSkew());

	final WxTokenService tokens;

	TokenFixture(SigningAlgorithm algorithm) {
		this.key = algorithm.newKey();
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(this.key.jwkSet()));
		CaffeineRefreshTokenStore refreshTokens = new CaffeineRefreshTokenStore(this.clock, REFRESH_TOKEN_TTL);
		this.tokens = new WxTokenService(this.encoder, this.key, refreshTokens,
				new WxLoginSessionService(refreshTokens, this.revocations, Map.of(), this.settings.accessTokenTtl(),
						this.clock),
				this.settings, this.clock, List.of());
	}

	static WxPrincipal user(int number) {
		return new WxPrincipal(Integer.toString(number), "openid-" + number, APPID);
	}

}
