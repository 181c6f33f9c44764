package io.github.wxlogin.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.app.PropertiesWxAppRegistry;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.avatar.AvatarCheckStore;
import io.github.wxlogin.avatar.AvatarImageCheck;
import io.github.wxlogin.avatar.AvatarImages;
import io.github.wxlogin.avatar.AvatarVerdictListener;
import io.github.wxlogin.avatar.CaffeineAvatarCheckStore;
import io.github.wxlogin.avatar.FileSystemWxAvatarStore;
import io.github.wxlogin.avatar.WxAvatarService;
import io.github.wxlogin.avatar.WxAvatarStore;
import io.github.wxlogin.http.WxLoginEndpoints;
import io.github.wxlogin.web.WxAvatarController;
import io.github.wxlogin.web.WxPushController;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxMessagePush;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Avatar uploads and WeChat's message push: the store, the image checks, the avatar use case and their
 * endpoints. WeChat's image check of avatars is on only with a public base URL (WeChat's servers fetch
 * each avatar from it); without one, one WARN line at start-up says so.
 */
@Configuration(proxyBeanMethods = false)
class WxAvatarConfiguration {

	private static final Log logger = LogFactory.getLog(WxAvatarConfiguration.class);

	/** WeChat answers an image check within 30 minutes; an unanswered one is forgotten after a day. */
	static final Duration CHECK_LIFETIME = Duration.ofDays(1);

	@Bean
	@ConditionalOnMissingBean
	WxPushController wxPushController(WxMessagePush push, ApplicationEventPublisher events) {
		return new WxPushController(push, events);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "wx.login.avatar.enabled", matchIfMissing = true)
	static class WxAvatarUploadConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WxAvatarStore wxAvatarStore(WxLoginProperties properties) {
			return new FileSystemWxAvatarStore(Path.of(properties.avatar().directory()), avatarUrlPrefix(properties));
		}

		@Bean
		@ConditionalOnMissingBean
		AvatarCheckStore wxAvatarCheckStore() {
			return new CaffeineAvatarCheckStore(CHECK_LIFETIME);
		}

		@Bean
		@ConditionalOnMissingBean
		WxAvatarService wxAvatarService(WxLoginProperties properties, WxAvatarStore store, WxUserService users,
				WxApiClient wechat, AvatarCheckStore checks, ApplicationEventPublisher events, WxMessagePush push,
				WxApps apps) {
			WxLoginProperties.Avatar avatar = properties.avatar();
			AvatarImages images = new AvatarImages(avatar.maxSize().toBytes(), avatar.maxDimension(),
					avatar.outputDimension());
			return new WxAvatarService(images, store, users, apps,
					imageCheck(avatar, wechat, checks, events, push, apps));
		}

		@Bean
		AvatarVerdictListener wxAvatarVerdictListener(WxAvatarService avatars) {
			return new AvatarVerdictListener(avatars);
		}

		@Bean
		@ConditionalOnMissingBean
		WxAvatarController wxAvatarController(WxAvatarService avatars) {
			return new WxAvatarController(avatars);
		}

		private static AvatarImageCheck imageCheck(WxLoginProperties.Avatar avatar, WxApiClient wechat,
				AvatarCheckStore checks, ApplicationEventPublisher events, WxMessagePush push, WxApps apps) {
			if (!avatar.imageCheck()) {
				return AvatarImageCheck.OFF;
			}
			if (!StringUtils.hasText(avatar.publicBaseUrl())) {
				logger.warn("WeChat's image check of avatars is off: WeChat's servers fetch each avatar from a public "
						+ "URL; set 'wx.login.avatar.public-base-url' (or 'wx.login.avatar.image-check=false' to "
						+ "silence this line)");
				return AvatarImageCheck.OFF;
			}
			// a registry with a table may gain push settings later; the properties' apps never do
			if (apps.registry() instanceof PropertiesWxAppRegistry configured
					&& configured.list().stream().noneMatch((app) -> push.isEnabled(app.appid()))) {
				logger.warn("WeChat's image check of avatars is on, but no mini program has message push configured "
						+ "('wx.login.push.token' or 'wx.login.apps.<name>.push.token'): its verdicts cannot arrive");
			}
			return AvatarImageCheck.on(wechat, checks, events, avatar.waitForCheck());
		}

	}

	/**
	 * What comes before an avatar's id in its URL: the public base URL (when set), the base path and
	 * {@code /avatars/}.
	 */
	static String avatarUrlPrefix(WxLoginProperties properties) {
		String publicBaseUrl = properties.avatar().publicBaseUrl();
		String root = StringUtils.hasText(publicBaseUrl)
				? (publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl)
				: "";
		return root + properties.endpoints().paths().path(WxLoginEndpoints.AVATAR).replace("{id}", "");
	}

}
