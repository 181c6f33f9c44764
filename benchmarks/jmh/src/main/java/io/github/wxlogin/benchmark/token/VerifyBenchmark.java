package io.github.wxlogin.benchmark.token;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.wxlogin.token.CachingJwtDecoder;
import io.github.wxlogin.token.WxJwtDecoders;
import io.github.wxlogin.token.WxRevokedTokenValidator;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What a guarded request costs on the token side, three ways: {@code stock} is Spring Security's
 * {@code NimbusJwtDecoder} as its builders make it (default validators), {@code ours} the starter's
 * pinned decoder from {@code WxJwtDecoders.create} (more claims checked), and {@code oursCached} that
 * decoder behind {@code CachingJwtDecoder} (which adds the revocation check), as the starter registers it,
 * and {@code stockFollowingRevocations} the stock decoder of another service with the validator that
 * {@code wx.login.revocation-feed.enabled} gives it (the revocations it follows, looked up in memory).
 * <p>
 * Each call decodes the next of {@value #USERS} tokens of as many users, so the cache serves tokens
 * it verified once, as it does for a server's returning callers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {

	static final int USERS = 1024;

	/** The starter's own bound on verified tokens. */
	private static final long VERIFIED_TOKENS = 100_000;

	@Param({ "HS256", "ES256", "RS256" })
	public SigningAlgorithm algorithm;

	private final String[] tokens = new String[USERS];

	private int next;

	private JwtDecoder stock;

	private JwtDecoder ours;

	private JwtDecoder oursCached;

	private JwtDecoder stockFollowingRevocations;

	@Setup
	public void issueTokens() {
		TokenFixture fixture = new TokenFixture(this.algorithm);
		for (int i = 0; i < USERS; i++) {
			this.tokens[i] = fixture.tokens.issue(TokenFixture.user(i)).accessToken();
		}
		this.stock = this.algorithm.stockDecoder(fixture.key);
		this.ours = WxJwtDecoders.create(fixture.key, fixture.settings, List.of(TokenFixture.APPID), fixture.clock);
		this.oursCached = new CachingJwtDecoder(this.ours, fixture.revocations, fixture.clock,
				fixture.settings.clockSkew(), VERIFIED_TOKENS);
		NimbusJwtDecoder following = (NimbusJwtDecoder) this.algorithm.stockDecoder(fixture.key);
		following.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
				new WxRevokedTokenValidator(fixture.revocations)));
		this.stockFollowingRevocations = following;
		// Every decoder must accept every token, or the numbers below would time a failure path
		for (String token : this.tokens) {
			this.stock.decode(token);
			this.oursCached.decode(token);
			this.stockFollowingRevocations.decode(token);
		}
	}

	private String nextToken() {
		this.next = (this.next + 1) & (USERS - 1);
		return this.tokens[this.next];
	}

	@Benchmark
	public Jwt stock() {
		return this.stock.decode(nextToken());
	}

	@Benchmark
	public Jwt ours() {
		return this.ours.decode(nextToken());
	}

	@Benchmark
	public Jwt oursCached() {
		return this.oursCached.decode(nextToken());
	}

	@Benchmark
	public Jwt stockFollowingRevocations() {
		return this.stockFollowingRevocations.decode(nextToken());
	}

}
