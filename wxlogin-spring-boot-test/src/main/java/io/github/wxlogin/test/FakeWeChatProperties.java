package io.github.wxlogin.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The {@code wx.login.*} properties that point the starter at a {@link FakeWeChatServer}.
 * <pre class="code">
 * &#064;RegisterExtension
 * static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();
 *
 * &#064;DynamicPropertySource
 * static void wechatProperties(DynamicPropertyRegistry registry) {
 *     FakeWeChatProperties.registerProperties(wechat.server(), registry);
 * }
 * </pre>
 */
public final class FakeWeChatProperties {

	/**
	 * Property of the WeChat API root.
	 */
	public static final String API_BASE_URL = "wx.login.api-base-url";

	/**
	 * Property of the mini program's AppID.
	 */
	public static final String APPID = "wx.login.appid";

	/**
	 * Property of the mini program's AppSecret.
	 */
	public static final String SECRET = "wx.login.secret";

	private FakeWeChatProperties() {
	}

	/**
	 * Return the properties that point the starter at a server.
	 * @param server the fake server
	 * @return {@code wx.login.api-base-url}, {@code wx.login.appid} and
	 * {@code wx.login.secret}
	 */
	public static Map<String, Object> of(FakeWeChatServer server) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(API_BASE_URL, server.baseUrl());
		properties.put(APPID, server.appid());
		properties.put(SECRET, server.secret());
		return properties;
	}

	/**
	 * Register the properties that point the starter at a server, from a
	 * {@code @DynamicPropertySource} method.
	 * @param server the fake server
	 * @param registry the registry passed to the method
	 */
	public static void registerProperties(FakeWeChatServer server, DynamicPropertyRegistry registry) {
		of(server).forEach((name, value) -> registry.add(name, () -> value));
	}

}
