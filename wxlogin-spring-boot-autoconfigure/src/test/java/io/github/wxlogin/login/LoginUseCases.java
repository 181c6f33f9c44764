package io.github.wxlogin.login;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.session.CaffeineRefreshTokenStore;
import io.github.wxlogin.session.CaffeineTokenRevocationStore;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.token.WxTokenSettings;
import io.github.wxlogin.user.InMemoryWxUserService;
import io.github.wxlogin.wechat.CaffeineWxAccessTokenProvider;
import io.github.wxlogin.wechat.CaffeineWxSessionKeyStore;
import io.github.wxlogin.wechat.RestClientWxApiClient;
import io.github.wxlogin.wechat.RestClientWxStableTokenClient;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.client.RestClient;

/**
 * The login use cases as a host without Spring would wire them: the starter's in-memory stores, a JWT
 * signing key of its own, and the real WeChat client talking HTTP to the fake WeChat server, which serves
 * two mini programs. Published events are kept in {@link #events}.
 */
final class LoginUseCases {

	/** The second mini program the fake serves, beside its default one. */
	static final String OTHER_APPID = "wx00000000000000bb";

	private static final String OTHER_SECRET = "other-secret-0000000000000000000";

	final Clock clock = Clock.systemUTC();

	final FakeWeChatServer fake;

	final WxApp app;

	final WxApp otherApp;

	final WxApps apps;

	final WxApiClient wechat;

	final CaffeineWxSessionKeyStore sessionKeys = new CaffeineWxSessionKeyStore(Duration.ofDays(3), 1000);

	final InMemoryWxUserService users = new InMemoryWxUserService(this.clock);

	final WxTokenSettings settings = new WxTokenSettings("wxlogin", null, Duration.ofHours(2), Duration.ofDays(30),
			Duration.ofSeconds(30));

	final CaffeineRefreshTokenStore refreshTokens = new CaffeineRefreshTokenStore(this.clock,
			this.settings.refreshTokenTtl());

	final CaffeineTokenRevocationStore revocations = new CaffeineTokenRevocationStore(this.clock,
			this.settings.clockSkew());

	final WxLoginSessionService sessions = new WxLoginSessionService(this.refreshTokens, this.revocations, Map.of(),
			this.settings.accessTokenTtl(), this.clock);

	final WxSigningKey signingKey = WxSigningKey.generateEc();

	final WxTokenService tokens;

	final List<Object> events = new CopyOnWriteArrayList<>();

	LoginUseCases(FakeWeChatServer fake) {
		this.fake = fake;
		this.app = new WxApp(fake.appid(), fake.secret());
		this.otherApp = new WxApp(OTHER_APPID, OTHER_SECRET);
		this.apps = new WxApps(List.of(this.app, this.otherApp), this.app);
		RestClient restClient = RestClient.builder()
			.baseUrl(fake.baseUrl())
			.requestFactory(new JdkClientHttpRequestFactory())
			.build();
		this.wechat = new RestClientWxApiClient(restClient, new CaffeineWxAccessTokenProvider(
				new RestClientWxStableTokenClient(restClient, this.clock), Duration.ofMinutes(5), this.clock));
		this.tokens = new WxTokenService(new NimbusJwtEncoder(new ImmutableJWKSet<>(this.signingKey.jwkSet())),
				this.signingKey, this.refreshTokens, this.sessions, this.settings, this.clock, List.of());
	}

	/** Serve the second mini program on the fake; once per fake server. */
	static void addOtherApp(FakeWeChatServer fake) {
		fake.addApp(OTHER_APPID, OTHER_SECRET);
	}

	WxSignInService signIn() {
		return signIn(this.users);
	}

	WxSignInService signIn(WxUserService users) {
		return new WxSignInService(this.apps, this.wechat, this.sessionKeys, users, this.tokens, this.sessions,
				ObservationRegistry.NOOP, this.events::add);
	}

	WxAccountService accounts(boolean contentCheck) {
		return new WxAccountService(this.apps, this.wechat, this.sessionKeys, this.users, this.sessions, contentCheck,
				ObservationRegistry.NOOP);
	}

	WxAccountManager manager() {
		return new WxAccountManager(this.users, this.sessions, this.events::add);
	}

	<T> List<T> events(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	static WxPrincipal principalOf(WxUser user) {
		return new WxPrincipal(user.id(), user.openid(), user.appid());
	}

}
