package io.github.wxlogin.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.RecordedRequest;
import io.github.wxlogin.wechat.WxApiCallQueue;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxPhoneInfo;
import io.github.wxlogin.wechat.WxStableTokenClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The WeChat client is built by Spring Boot's {@link ClientHttpRequestFactoryBuilder}, goes through
 * {@code wx.login.http.proxy.*} when it is set, and sends its bodies with a {@code Content-Length}.
 */
@ExtendWith(OutputCaptureExtension.class)
class WeChatHttpClientTests {

	private static final String PROXY_PASSWORD = "proxy-password-never-logged";

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
		.withPropertyValues("wx.login.api-base-url=" + fake().baseUrl(), "wx.login.appid=" + fake().appid(),
				"wx.login.secret=" + fake().secret(), "wx.login.store.type=memory",
				// a loaded machine may be slow to make the first calls through the proxy
				"wx.login.read-timeout=20s");

	private static FakeWeChatServer fake() {
		return wechat.server();
	}

	@Test
	void postBodiesGoOutWithAContentLengthRatherThanChunked() {
		this.contextRunner.run((context) -> {
			String phoneCode = fake().issuePhoneCode("13800138000", "openid-length-1");
			WxPhoneInfo phone = context.getBean(WxApiClient.class)
				.phoneNumber(app(context), phoneCode, "openid-length-1");
			assertThat(phone.purePhoneNumber()).isEqualTo("13800138000");
			for (Api api : new Api[] { Api.STABLE_TOKEN, Api.PHONE_NUMBER }) {
				RecordedRequest request = fake().lastRequest(api);
				assertThat(request.method()).as(api.name()).isEqualTo("POST");
				assertThat(request.framing()).as(api.name()).isEqualTo(RecordedRequest.Framing.CONTENT_LENGTH);
				assertThat(request.contentLength()).as(api.name()).isPositive();
			}
		});
	}

	@Test
	void whenAProxyIsSetEveryWeChatCallGoesThroughItWithItsCredentials(CapturedOutput output) throws Exception {
		try (LoopbackForwardProxy proxy = new LoopbackForwardProxy("egress-user", PROXY_PASSWORD)) {
			this.contextRunner
				.withPropertyValues("wx.login.http.proxy.host=127.0.0.1", "wx.login.http.proxy.port=" + proxy.port(),
						"wx.login.http.proxy.username=egress-user", "wx.login.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					WxApiClient client = context.getBean(WxApiClient.class);
					String code = fake().issueLoginCode("openid-proxy-1");
					assertThat(client.code2Session(app(context), code).openid()).isEqualTo("openid-proxy-1");
					assertThat(context.getBean(WxStableTokenClient.class).stableAccessToken(app(context), false).token())
						.isNotBlank();

					assertThat(proxy.seen()).filteredOn(LoopbackForwardProxy.Seen::authorized)
						.extracting((seen) -> seen.method() + " " + seen.uri().getPath())
						.containsExactly("GET " + Api.CODE2SESSION.path(), "POST " + Api.STABLE_TOKEN.path());
					assertThat(proxy.seen()).allSatisfy((seen) -> assertThat(seen.uri().toString())
						.startsWith(fake().baseUrl()));
					assertThat(fake().callCount(Api.CODE2SESSION)).isEqualTo(1);
					assertThat(context.getBean(WxLoginProperties.class).toString()).doesNotContain(PROXY_PASSWORD);
				});
			assertThat(output).doesNotContain(PROXY_PASSWORD);
		}
	}

	@Test
	void nonProxyHostsAreCalledDirectly() throws Exception {
		try (LoopbackForwardProxy proxy = new LoopbackForwardProxy("egress-user", PROXY_PASSWORD)) {
			this.contextRunner
				.withPropertyValues("wx.login.http.proxy.host=127.0.0.1", "wx.login.http.proxy.port=" + proxy.port(),
						"wx.login.http.proxy.non-proxy-hosts=localhost|127.*")
				.run((context) -> {
					String code = fake().issueLoginCode("openid-direct-1");
					assertThat(context.getBean(WxApiClient.class).code2Session(app(context), code).openid())
						.isEqualTo("openid-direct-1");
					assertThat(proxy.seen()).isEmpty();
				});
		}
	}

	@Test
	void theApplicationsRequestFactoryBuilderMakesTheWeChatClient() {
		this.contextRunner.withUserConfiguration(CountingBuilder.class).run((context) -> {
			String code = fake().issueLoginCode("openid-builder-1");
			assertThat(context.getBean(WxApiClient.class).code2Session(app(context), code).openid())
				.isEqualTo("openid-builder-1");
			assertThat(context.getBean(CountingBuilder.class).clientsBuilt).hasValue(1);
			assertThat(fake().lastRequest(Api.CODE2SESSION).userAgent()).startsWith("Java-http-client");
		});
	}

	@Test
	void theHttpClientIsBuiltOnTheFirstWeChatCallAndSharedByBothClients() {
		this.contextRunner.withUserConfiguration(CountingBuilder.class).run((context) -> {
			CountingBuilder builder = context.getBean(CountingBuilder.class);
			assertThat(builder.clientsBuilt).as("HTTP clients built at start-up").hasValue(0);
			String code = fake().issueLoginCode("openid-first-call-1");
			assertThat(context.getBean(WxApiClient.class).code2Session(app(context), code).openid())
				.isEqualTo("openid-first-call-1");
			assertThat(context.getBean(WxStableTokenClient.class).stableAccessToken(app(context), false).token())
				.isNotBlank();
			assertThat(builder.clientsBuilt).as("HTTP clients built after two calls").hasValue(1);
		});
	}

	@Test
	void withAProxyTheApplicationsJdkBuilderKeepsItsCustomizations() throws Exception {
		try (LoopbackForwardProxy proxy = new LoopbackForwardProxy("egress-user", PROXY_PASSWORD)) {
			this.contextRunner.withUserConfiguration(CountingBuilder.class)
				.withPropertyValues("wx.login.http.proxy.host=127.0.0.1", "wx.login.http.proxy.port=" + proxy.port(),
						"wx.login.http.proxy.username=egress-user", "wx.login.http.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					String code = fake().issueLoginCode("openid-builder-2");
					assertThat(context.getBean(WxApiClient.class).code2Session(app(context), code).openid())
						.isEqualTo("openid-builder-2");
					assertThat(context.getBean(CountingBuilder.class).clientsBuilt).hasValue(1);
					assertThat(proxy.seen()).anyMatch(LoopbackForwardProxy.Seen::authorized);
				});
		}
	}

	@Test
	void theConnectAndReadTimeoutsStillApply() {
		this.contextRunner.withPropertyValues("wx.login.read-timeout=200ms").run((context) -> {
			fake().latency(Duration.ofSeconds(2));
			try {
				String code = fake().issueLoginCode("openid-slow-1");
				assertThatExceptionOfType(WxApiException.class)
					.isThrownBy(() -> context.getBean(WxApiClient.class).code2Session(app(context), code))
					.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(WxApiException.Reason.UNAVAILABLE));
			}
			finally {
				fake().latency(Duration.ZERO);
			}
		});
	}

	@Test
	void noTurnsForWeChatCallsFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("wx.login.http.max-concurrent-calls=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("wx.login.http.max-concurrent-calls");
		});
	}

	@Test
	void aLineOfTheApplicationsOwnTakesTheStartersPlace() {
		WxApiCallQueue own = new WxApiCallQueue(1, Duration.ofSeconds(20), Duration.ofSeconds(20));
		this.contextRunner.withBean(WxApiCallQueue.class, () -> own).run((context) -> {
			assertThat(context).getBean(WxApiCallQueue.class).isSameAs(own);
			String code = fake().issueLoginCode("openid-own-line-1");
			assertThat(context.getBean(WxApiClient.class).code2Session(app(context), code).openid())
				.isEqualTo("openid-own-line-1");
		});
	}

	private static WxApp app(AssertableApplicationContext context) {
		return context.getBean(WxApps.class).defaultApp().orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class CountingBuilder {

		final AtomicInteger clientsBuilt = new AtomicInteger();

		@Bean
		ClientHttpRequestFactoryBuilder<?> clientHttpRequestFactoryBuilder() {
			return ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((client) -> this.clientsBuilt.incrementAndGet());
		}

	}

}
