package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.wechat.CaffeineWxAccessTokenProvider;
import io.github.wxlogin.wechat.WxAccessTokenProvider;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxStableTokenClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's WeChat client takes WeChat's access token from whichever {@link WxAccessTokenProvider} the
 * application has, which fetches it through the {@link WxStableTokenClient}.
 */
class WeChatAccessTokenWiringTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
		.withPropertyValues("wx.login.api-base-url=" + fake().baseUrl(), "wx.login.appid=" + fake().appid(),
				"wx.login.secret=" + fake().secret(), "wx.login.store.type=memory", "wx.login.read-timeout=20s");

	private static FakeWeChatServer fake() {
		return wechat.server();
	}

	@Test
	void theStartersClientTakesTheTokenFromTheStartersProvider() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(WxAccessTokenProvider.class).hasSingleBean(WxStableTokenClient.class);
			String code = fake().issuePhoneCode("13800138000", "openid-wiring-1");
			assertThat(context.getBean(WxApiClient.class).phoneNumber(app(context), code, "openid-wiring-1")
				.purePhoneNumber()).isEqualTo("13800138000");
			assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
		});
	}

	@Test
	void whenHostDefinesAnAccessTokenProviderTheStartersClientTakesTheTokenFromIt() {
		this.contextRunner.withUserConfiguration(HostProvider.class).run((context) -> {
			assertThat(context.getBean(WxAccessTokenProvider.class)).isInstanceOf(CountingProvider.class);
			String code = fake().issuePhoneCode("13800138000", "openid-wiring-2");
			assertThat(context.getBean(WxApiClient.class).phoneNumber(app(context), code, "openid-wiring-2")
				.purePhoneNumber()).isEqualTo("13800138000");
			assertThat(context.getBean(CountingProvider.class).tokensGiven).hasValue(1);
		});
	}

	private static WxApp app(AssertableApplicationContext context) {
		return context.getBean(WxApps.class).defaultApp().orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class HostProvider {

		@Bean
		CountingProvider hostAccessTokenProvider(WxStableTokenClient stableTokens) {
			return new CountingProvider(
					new CaffeineWxAccessTokenProvider(stableTokens, Duration.ofMinutes(5), Clock.systemUTC()));
		}

	}

	static class CountingProvider implements WxAccessTokenProvider {

		final AtomicInteger tokensGiven = new AtomicInteger();

		private final WxAccessTokenProvider delegate;

		CountingProvider(WxAccessTokenProvider delegate) {
			this.delegate = delegate;
		}

		@Override
		public String accessToken(WxApp app) {
			this.tokensGiven.incrementAndGet();
			return this.delegate.accessToken(app);
		}

		@Override
		public void invalidate(WxApp app, String rejectedToken) {
			this.delegate.invalidate(app, rejectedToken);
		}

	}

}
