package io.github.wxlogin.benchmark.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.token.WxClaims;
import io.github.wxlogin.token.WxIssuedTokens;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * What a login costs on the token side: {@code issue} is the starter's {@code WxTokenService} (access
 * token, plus a refresh token hashed and stored), {@code stockEncode} the bare {@code NimbusJwtEncoder}
 * call with the same claims, the floor any issuer pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IssueBenchmark {

	@Param({ "HS256", "ES256", "RS256" })
	public SigningAlgorithm algorithm;

	private TokenFixture fixture;

	private JwsHeader header;

	private final WxPrincipal user = TokenFixture.user(1);

	@Setup
	public void createKey() {
		this.fixture = new TokenFixture(this.algorithm);
		String name = this.fixture.key.algorithm().getName();
		this.header = JwsHeader.with(name.startsWith("HS") ? MacAlgorithm.from(name) : SignatureAlgorithm.from(name))
			.keyId(this.fixture.key.jwk().getKeyID())
			.type("JWT")
			.build();
	}

	@Benchmark
	public WxIssuedTokens issue() {
		return this.fixture.tokens.issue(this.user);
	}

	@Benchmark
	public Jwt stockEncode() {
		Instant now = this.fixture.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.fixture.settings.issuer())
			.audience(List.of(this.fixture.settings.audience()))
			.subject(this.user.userId())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.fixture.settings.accessTokenTtl()))
			.id(UUID.randomUUID().toString())
			.claim(WxClaims.OPENID, this.user.openid())
			.claim(WxClaims.APPID, this.user.appid())
			.build();
		return this.fixture.encoder.encode(JwtEncoderParameters.from(this.header, claims));
	}

}
