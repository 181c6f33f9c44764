package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.wxlogin.WxTenant;
import io.github.wxlogin.app.PropertiesWxAppRegistry;
import io.github.wxlogin.app.WxAppRegistry;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.app.WxRegisteredApp;
import io.github.wxlogin.wechat.CaffeineWxAccessTokenProvider;
import io.github.wxlogin.wechat.ObservedWxApiClient;
import io.github.wxlogin.wechat.ObservedWxStableTokenClient;
import io.github.wxlogin.wechat.RestClientWxApiClient;
import io.github.wxlogin.wechat.RestClientWxStableTokenClient;
import io.github.wxlogin.wechat.WxAccessTokenProvider;
import io.github.wxlogin.wechat.WxApiCallQueue;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApiOutcomes;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxMessagePush;
import io.github.wxlogin.wechat.WxPushSettings;
import io.github.wxlogin.wechat.WxStableTokenClient;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * The mini program's credentials, the WeChat API client and the WeChat access token. The client gets the
 * token from the {@link WxAccessTokenProvider}, which fetches it through the {@link WxStableTokenClient}:
 * a host may replace any of the three.
 */
@Configuration(proxyBeanMethods = false)
class WxApiConfiguration {

	/** The name of the app that serves logins naming none. */
	private static final String DEFAULT_APP = "default";

	/** The prefix of the properties of the app that "wx.login.appid" and "wx.login.secret" configure. */
	private static final String SHORT_FORM = "wx.login";

	private static final Pattern APPID_FORMAT = Pattern.compile("wx[0-9a-f]{16}");

	/** Pauses before the retries of a call WeChat answered with "busy" (-1). */
	private static final Duration[] BUSY_BACKOFF = { Duration.ofMillis(100), Duration.ofMillis(300) };

	/**
	 * Where the served mini programs are read from: the properties, unless a registry with a table (or a
	 * host's own) is defined.
	 */
	@Bean
	@ConditionalOnMissingBean
	WxAppRegistry wxAppRegistry(WxLoginProperties properties) {
		return propertiesRegistry(properties);
	}

	/**
	 * The mini programs of the properties, each with its message push when its push token is set. Not a
	 * bean of its own: a second {@link WxAppRegistry} would leave its users to choose.
	 */
	static PropertiesWxAppRegistry propertiesRegistry(WxLoginProperties properties) {
		Map<String, WxRegisteredApp> apps = new LinkedHashMap<>();
		String defaultAppid = null;
		for (Map.Entry<String, WxLoginProperties.App> configured : configuredApps(properties).entrySet()) {
			String prefix = configured.getKey();
			WxLoginProperties.App app = configured.getValue();
			WxApp credentials = new WxApp(appid(prefix + ".appid", app.appid(), properties.validateAppidFormat()),
					required(prefix + ".secret", app.secret(), "the mini program's AppSecret"),
					tenant(prefix + ".tenant", app.tenant()),
					WxApiSecuritySettings.read(prefix + ".api-security", app.apiSecurity()));
			if (apps.putIfAbsent(credentials.appid(), new WxRegisteredApp(credentials, true, push(prefix, app.push()),
					WxRegisteredApp.Source.PROPERTIES)) != null) {
				throw new WxLoginPropertyException("wx.login.apps",
						"is wrong: AppID " + credentials.appid() + " is configured twice",
						"Give each mini program under 'wx.login.apps' its own AppID.");
			}
			if (prefix.equals(SHORT_FORM) || prefix.equals(SHORT_FORM + ".apps." + DEFAULT_APP)) {
				defaultAppid = credentials.appid();
			}
		}
		if (defaultAppid == null && apps.size() == 1) {
			defaultAppid = apps.keySet().iterator().next();
		}
		return new PropertiesWxAppRegistry(apps, defaultAppid);
	}

	@Bean
	@ConditionalOnMissingBean
	WxApps wxApps(WxAppRegistry registry) {
		return new WxApps(registry);
	}

	/**
	 * An app changed in the registry (its secret, or switched off) has its WeChat access token fetched
	 * again.
	 */
	@Bean
	static SmartInitializingSingleton wxAccessTokensFollowAppChanges(ObjectProvider<WxAppRegistry> registry,
			ObjectProvider<WxAccessTokenProvider> accessTokens) {
		return () -> registry.ifAvailable((apps) -> accessTokens.ifAvailable((tokens) -> apps.onChange(tokens::forget)));
	}

	/**
	 * WeChat's message push of the mini programs whose push token is set; the others have push off.
	 */
	@Bean
	@ConditionalOnMissingBean
	WxMessagePush wxMessagePush(WxAppRegistry registry, ObjectProvider<Clock> clock) {
		return new WxMessagePush((appid) -> registry.find(appid).map(WxRegisteredApp::push),
				clock.getIfAvailable(Clock::systemUTC));
	}

	private static @Nullable WxPushSettings push(String prefix, WxLoginProperties.Push push) {
		if (push.token() == null && push.encodingAesKey() == null) {
			return null;
		}
		String token = required(prefix + ".push.token", push.token(),
				"the Token of the mini program's Message Push settings");
		try {
			return new WxPushSettings(token, push.encodingAesKey());
		}
		catch (IllegalArgumentException ex) {
			throw new WxLoginPropertyException(prefix + ".push", "is wrong: " + ex.getMessage(),
					"Copy the Token and EncodingAESKey from the WeChat admin console (Development > Development "
							+ "Settings > Message Push) into '" + prefix + ".push.token' and '" + prefix
							+ ".push.encoding-aes-key'.");
		}
	}

	private static String tenant(String property, @Nullable String tenant) {
		if (!StringUtils.hasText(tenant)) {
			return WxTenant.DEFAULT;
		}
		try {
			return WxTenant.requireValid(tenant.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new WxLoginPropertyException(property, "is not a tenant id: " + ex.getMessage(),
					"Set '" + property + "' to a short name such as 'shop-1', or leave it out for the default tenant.");
		}
	}

	/**
	 * The mini programs configured, by the prefix of their properties: "wx.login" for the short form
	 * ("wx.login.appid"), "wx.login.apps.name" for the others.
	 */
	static Map<String, WxLoginProperties.App> configuredApps(WxLoginProperties properties) {
		Map<String, WxLoginProperties.App> configured = (properties.apps() != null) ? properties.apps() : Map.of();
		boolean shortForm = StringUtils.hasText(properties.appid()) || StringUtils.hasText(properties.secret())
				|| configured.isEmpty();
		if (shortForm && configured.containsKey(DEFAULT_APP)) {
			throw new WxLoginPropertyException("wx.login.appid", "and 'wx.login.apps.default' are both set",
					"Set the default mini program once: either 'wx.login.appid' and 'wx.login.secret', or "
							+ "'wx.login.apps.default.appid' and 'wx.login.apps.default.secret'.");
		}
		Map<String, WxLoginProperties.App> named = new LinkedHashMap<>();
		if (shortForm) {
			named.put(SHORT_FORM,
					new WxLoginProperties.App(properties.appid(), properties.secret(), null, properties.push(),
							properties.sessions(), properties.apiSecurity()));
		}
		configured.forEach((name, app) -> named.put(SHORT_FORM + ".apps." + name, app));
		return named;
	}

	private static String appid(String property, @Nullable String value, boolean validateFormat) {
		String appid = required(property, value, "the mini program's AppID");
		if (validateFormat && !APPID_FORMAT.matcher(appid).matches()) {
			throw new WxLoginPropertyException(property, "is not an AppID: WeChat's are 'wx' and 16 hexadecimal digits",
					"Set '" + property + "' to the AppID shown in the WeChat admin console (Development > Development "
							+ "Settings), such as wx0123456789abcdef; a test with made-up AppIDs can set "
							+ "'wx.login.validate-appid-format=false'.");
		}
		return appid;
	}

	static String required(String property, @Nullable String value, String what) {
		String variable = UnresolvedPlaceholder.variableIn(value);
		if (variable != null) {
			throw UnresolvedPlaceholder.failure(property, variable);
		}
		if (!StringUtils.hasText(value)) {
			throw new WxLoginPropertyException(property, "is not set", "Set '" + property + "' to " + what
					+ " (WeChat admin console > Development > Development Settings), for example in application.yml "
					+ "or as the environment variable " + property.replace('.', '_').replace("-", "").toUpperCase()
					+ ".");
		}
		return value.trim();
	}

	@Bean
	@ConditionalOnMissingBean
	WxApiOutcomes wxApiOutcomes() {
		return new WxApiOutcomes();
	}

	@Bean
	@ConditionalOnMissingBean
	WxApiCallQueue wxApiCallQueue(WxLoginProperties properties) {
		return new WxApiCallQueue(properties.http().maxConcurrentCalls(),
				properties.connectTimeout().plus(properties.readTimeout()), properties.http().queueTimeout());
	}

	@Bean
	WeChatRestClient wxWeChatRestClient(WxLoginProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder, WxApiCallQueue callQueue, BeanFactory beans) {
		// The settings and the proxy are read now, so that a wrong one fails start-up; the builder (with its
		// message converters), the HTTP client and its TLS context wait for the first WeChat call
		Supplier<ClientHttpRequestFactory> requestFactory = WeChatRequestFactory.create(properties, beans);
		return new WeChatRestClient(SingletonSupplier.of(() -> restClientBuilder.getIfAvailable(RestClient::builder)
			.clone()
			.baseUrl(properties.apiBaseUrl())
			.requestFactory(requestFactory.get())
			.requestInterceptor(callQueue)
			.build()));
	}

	@Bean
	@ConditionalOnMissingBean
	WxApiClient wxApiClient(WeChatRestClient wechat, WxAccessTokenProvider accessTokens, WxApiOutcomes outcomes,
			ObjectProvider<ObservationRegistry> observations, ObjectProvider<Clock> clock) {
		return new ObservedWxApiClient(new RestClientWxApiClient(wechat.restClient(), accessTokens,
				clock.getIfAvailable(Clock::systemUTC), BUSY_BACKOFF),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), outcomes,
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	WxStableTokenClient wxStableTokenClient(WeChatRestClient wechat, WxApiOutcomes outcomes,
			ObjectProvider<ObservationRegistry> observations, ObjectProvider<Clock> clock) {
		Clock now = clock.getIfAvailable(Clock::systemUTC);
		return new ObservedWxStableTokenClient(
				new RestClientWxStableTokenClient(wechat.restClient(), now, BUSY_BACKOFF),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), outcomes, now);
	}

	@Bean
	@ConditionalOnMissingBean
	WxAccessTokenProvider wxAccessTokenProvider(WxStableTokenClient client, WxLoginProperties properties,
			ObjectProvider<Clock> clock) {
		return new CaffeineWxAccessTokenProvider(client, properties.accessToken().refreshAhead(),
				clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * The one client of WeChat's API root, with the starter's timeouts and proxy on the host's builder,
	 * shared by the API client and the stable-token client: one connection pool. It is built on the first
	 * call. Its own type keeps it apart from any {@link RestClient} bean of the host.
	 * @param restClient the client, built when first asked for
	 */
	record WeChatRestClient(Supplier<RestClient> restClient) {
	}

}
