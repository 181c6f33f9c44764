package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.avatar.AvatarCheckStore;
import io.github.wxlogin.avatar.AvatarVerdictListener;
import io.github.wxlogin.avatar.CaffeineAvatarCheckStore;
import io.github.wxlogin.avatar.FileSystemWxAvatarStore;
import io.github.wxlogin.avatar.WxAvatarService;
import io.github.wxlogin.avatar.WxAvatarStore;
import io.github.wxlogin.wechat.WxMessagePush;
import io.github.wxlogin.web.WxAvatarController;
import io.github.wxlogin.web.WxPushController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for the avatar and message-push part of {@link WxLoginAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class WxAvatarConfigurationTests {

	private static final String CHECK_OFF = "WeChat's image check of avatars is off";

	private static final String NO_PUSH = "no mini program has message push configured";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
		.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=9f86d081884c7d659a2feaa0c55ad015");

	@Test
	void avatarEndpointsFileStoreAndPushAreRegisteredByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(WxAvatarController.class)
				.hasSingleBean(WxPushController.class)
				.hasSingleBean(WxAvatarService.class)
				.hasSingleBean(AvatarVerdictListener.class)
				.hasSingleBean(WxMessagePush.class);
			assertThat(context.getBean(WxAvatarStore.class)).isInstanceOf(FileSystemWxAvatarStore.class);
			assertThat(context.getBean(AvatarCheckStore.class)).isInstanceOf(CaffeineAvatarCheckStore.class);
			assertThat(context.getBean(WxMessagePush.class).isEnabled("wx0123456789abcdef")).isFalse();
		});
	}

	@Test
	void whenThePublicBaseUrlIsNotSetThenOneWarningSaysTheImageCheckIsOff(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output.getOut().lines().filter((line) -> line.contains(CHECK_OFF)))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN").contains("wx.login.avatar.public-base-url")));
	}

	@Test
	void whenTheImageCheckIsSwitchedOffThenNothingIsLogged(CapturedOutput output) {
		this.contextRunner.withPropertyValues("wx.login.avatar.image-check=false")
			.run((context) -> assertThat(output).doesNotContain(CHECK_OFF).doesNotContain(NO_PUSH));
	}

	@Test
	void whenTheCheckIsOnWithoutPushThenAWarningSaysVerdictsCannotArrive(CapturedOutput output) {
		this.contextRunner.withPropertyValues("wx.login.avatar.public-base-url=https://api.example.com")
			.run((context) -> assertThat(output).doesNotContain(CHECK_OFF).contains(NO_PUSH));
	}

	@Test
	void pushSettingsOfTheShortFormAndOfNamedAppsAreBoundAndNeverShown(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
			.withPropertyValues("wx.login.apps.shop.appid=wx0123456789abcdef",
					"wx.login.apps.shop.secret=9f86d081884c7d659a2feaa0c55ad015",
					"wx.login.apps.shop.push.token=shopToken1",
					"wx.login.apps.shop.push.encoding-aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
					"wx.login.apps.blog.appid=wxfedcba9876543210",
					"wx.login.apps.blog.secret=9f86d081884c7d659a2feaa0c55ad015",
					"wx.login.avatar.public-base-url=https://api.example.com")
			.run((context) -> {
				WxMessagePush push = context.getBean(WxMessagePush.class);
				assertThat(push.isEnabled("wx0123456789abcdef")).isTrue();
				assertThat(push.isEnabled("wxfedcba9876543210")).isFalse();
				assertThat(output).doesNotContain("shopToken1").doesNotContain("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
					.doesNotContain(NO_PUSH);
			});
	}

	@Test
	void aMalformedPushTokenOrKeyFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("wx.login.push.token=has spaces")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wx.login.push"));
		this.contextRunner.withPropertyValues("wx.login.push.encoding-aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("wx.login.push.token"));
	}

	@Test
	void whenHostDefinesAnAvatarStoreThenTheStarterBacksOff() {
		WxAvatarStore hostStore = mock(WxAvatarStore.class);
		this.contextRunner.withBean(WxAvatarStore.class, () -> hostStore)
			.run((context) -> assertThat(context.getBean(WxAvatarStore.class)).isSameAs(hostStore));
	}

	@Test
	void whenAvatarsAreDisabledThenNoUploadEndpointIsRegistered() {
		this.contextRunner.withPropertyValues("wx.login.avatar.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WxAvatarController.class)
				.doesNotHaveBean(WxAvatarService.class)
				.doesNotHaveBean(AvatarVerdictListener.class)
				.hasSingleBean(WxPushController.class));
	}

}
