package io.github.wxlogin.it;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.wxlogin.app.PropertiesWxAppRegistry;
import io.github.wxlogin.app.WxAppRegistry;
import io.github.wxlogin.app.WxRegisteredApp;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.wechat.WxApp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apps that come and go at run time, through a host's own registry: logins, refreshes and guarded
 * requests follow each change at once.
 */
@Import(AppRegistryIntegrationTests.HostRegistryConfiguration.class)
class AppRegistryIntegrationTests extends HostIntegrationTest {

	@Autowired
	HostRegistry registry;

	private Reply loginTo(String appid, String openid) {
		return this.client.post("/wx/login", Map.of("code", this.fake.issueLoginCode(appid, openid, null), "appid", appid));
	}

	private String register(String appid, String secret) {
		this.fake.addApp(appid, secret);
		this.registry.put(new WxApp(appid, secret), true);
		return appid;
	}

	@Test
	void appRegisteredAtRunTimeServesLoginsAndGuardedRequests() {
		String appid = register("wx5a0b0000000000a1", "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1");
		Reply login = loginTo(appid, "openid-a1");
		assertThat(login.status().value()).as(login.body()).isEqualTo(200);
		assertThat(this.client.get("/api/hello", login.text("accessToken")).status().value()).isEqualTo(200);
	}

	@Test
	void appSwitchedOffRefusesLoginsRefreshesAndItsTokensUntilSwitchedOn() {
		String appid = register("wx5a0b0000000000a2", "a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2");
		Reply login = loginTo(appid, "openid-a2");
		String accessToken = login.text("accessToken");
		assertThat(this.client.get("/api/hello", accessToken).status().value()).isEqualTo(200);

		this.registry.switchTo(appid, false);
		assertProblem(loginTo(appid, "openid-a2"), 403, "app_disabled");
		assertProblem(this.client.get("/api/hello", accessToken), 401, "unauthorized");
		assertProblem(this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken"))), 403,
				"app_disabled");

		this.registry.switchTo(appid, true);
		assertThat(this.client.get("/api/hello", accessToken).status().value()).isEqualTo(200);
		Reply refreshed = this.client.post("/wx/token/refresh", Map.of("refreshToken", login.text("refreshToken")));
		assertThat(refreshed.status().value()).as(refreshed.body()).isEqualTo(200);
	}

	@Test
	void removedAppIsUnknownAndItsTokensAreRefused() {
		String appid = register("wx5a0b0000000000a3", "a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3");
		String accessToken = loginTo(appid, "openid-a3").text("accessToken");
		this.registry.remove(appid);
		assertProblem(loginTo(appid, "openid-a3"), 400, "unknown_app");
		assertProblem(this.client.get("/api/hello", accessToken), 401, "unauthorized");
	}

	@Test
	void changedSecretIsUsedForTheNextCallAndTheAccessTokenIsFetchedAgain() {
		String appid = register("wx5a0b0000000000a4", "a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4");
		String accessToken = loginTo(appid, "openid-a4").text("accessToken");
		Reply bound = this.client.post("/wx/phone", accessToken,
				Map.of("code", this.fake.issuePhoneCode(appid, "13800138041", "openid-a4")));
		assertThat(bound.status().value()).as(bound.body()).isEqualTo(200);
		int fetches = this.fake.callCount(appid, Api.STABLE_TOKEN);

		// WeChat's "reset secret": the old secret is refused from now on
		String secret = this.fake.resetSecret(appid);
		this.registry.put(new WxApp(appid, secret), true);
		Reply login = loginTo(appid, "openid-a4b");
		assertThat(login.status().value()).as(login.body()).isEqualTo(200);
		Reply boundAgain = this.client.post("/wx/phone", login.text("accessToken"),
				Map.of("code", this.fake.issuePhoneCode(appid, "13800138042", "openid-a4b")));
		assertThat(boundAgain.status().value()).as(boundAgain.body()).isEqualTo(200);
		assertThat(this.fake.callCount(appid, Api.STABLE_TOKEN)).isEqualTo(fetches + 1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HostRegistryConfiguration {

		@Bean
		HostRegistry hostRegistry(FakeWeChatServer fake) {
			WxApp primary = new WxApp(fake.appid(), fake.secret());
			return new HostRegistry(new PropertiesWxAppRegistry(
					Map.of(primary.appid(), new WxRegisteredApp(primary, true, null, WxRegisteredApp.Source.HOST)),
					primary.appid()));
		}

	}

	/** A host's own registry: the fake's primary app, and apps it adds and changes at run time. */
	static final class HostRegistry implements WxAppRegistry {

		private final PropertiesWxAppRegistry properties;

		private final Map<String, WxRegisteredApp> added = new ConcurrentHashMap<>();

		private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

		HostRegistry(PropertiesWxAppRegistry properties) {
			this.properties = properties;
		}

		void put(WxApp app, boolean enabled) {
			this.added.put(app.appid(), new WxRegisteredApp(app, enabled, null, WxRegisteredApp.Source.HOST));
			this.listeners.forEach((listener) -> listener.accept(app.appid()));
		}

		void switchTo(String appid, boolean enabled) {
			put(this.added.get(appid).app(), enabled);
		}

		void remove(String appid) {
			this.added.remove(appid);
			this.listeners.forEach((listener) -> listener.accept(appid));
		}

		@Override
		public Optional<WxRegisteredApp> find(String appid) {
			return this.properties.find(appid).or(() -> Optional.ofNullable(this.added.get(appid)));
		}

		@Override
		public Optional<String> defaultAppid() {
			return this.properties.defaultAppid();
		}

		@Override
		public List<WxRegisteredApp> list() {
			return Stream.concat(this.properties.list().stream(), this.added.values().stream()).toList();
		}

		@Override
		public void onChange(Consumer<String> listener) {
			this.listeners.add(listener);
		}

	}

}
