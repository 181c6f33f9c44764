package io.github.wxlogin.autoconfigure;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.util.StringUtils;

/**
 * The outbound proxy of the WeChat calls ({@code wx.login.http.proxy.*}), set on the JDK's
 * {@link HttpClient}: every host but the non-proxy ones goes through it, with its Basic credentials. The
 * password is handed to the JDK only and never logged.
 */
final class WeChatProxy {

	private static final Log logger = LogFactory.getLog(WeChatProxy.class);

	private static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

	private WeChatProxy() {
	}

	/**
	 * Return the builder of the WeChat client's request factories, with the proxy when one is set.
	 * @param builder the application's builder
	 * @param properties the starter's properties
	 * @return the builder to use
	 */
	static ClientHttpRequestFactoryBuilder<?> apply(ClientHttpRequestFactoryBuilder<?> builder,
			WxLoginProperties properties) {
		WxLoginProperties.Http.Proxy proxy = properties.http().proxy();
		if (!StringUtils.hasText(proxy.host())) {
			return builder;
		}
		warnIfCredentialsCannotReachAnHttpsProxy(proxy, properties.apiBaseUrl());
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			return jdk.withHttpClientCustomizer(customizer(proxy));
		}
		logger.info("WeChat calls go through the proxy " + proxy.host() + ":" + proxy.port() + " with the JDK's "
				+ "HttpClient, the client that wx.login.http.proxy configures, rather than " + builder.getClass().getSimpleName());
		return ClientHttpRequestFactoryBuilder.jdk().withHttpClientCustomizer(customizer(proxy));
	}

	private static Consumer<HttpClient.Builder> customizer(WxLoginProperties.Http.Proxy proxy) {
		// resolved at each connection, as the JDK's own selector does, so that a DNS change needs no restart
		ProxySelector selector = new Selector(InetSocketAddress.createUnresolved(proxy.host(), proxy.port()),
				nonProxyHosts(proxy.nonProxyHosts()));
		Authenticator authenticator = StringUtils.hasText(proxy.username())
				? new ProxyAuthenticator(proxy.username(), (proxy.password() != null) ? proxy.password() : "") : null;
		return (client) -> {
			client.proxy(selector);
			if (authenticator != null) {
				client.authenticator(authenticator);
			}
		};
	}

	// The JDK sends no Basic credentials through a CONNECT tunnel unless told otherwise at start-up
	private static void warnIfCredentialsCannotReachAnHttpsProxy(WxLoginProperties.Http.Proxy proxy, String apiBaseUrl) {
		String disabled = System.getProperty(TUNNELING_DISABLED_SCHEMES, "Basic");
		if (StringUtils.hasText(proxy.username()) && apiBaseUrl.startsWith("https:")
				&& disabled.toLowerCase(Locale.ROOT).contains("basic")) {
			logger.warn("wx.login.http.proxy.username is set, but the JDK's HttpClient sends no Basic credentials to "
					+ "a proxy of HTTPS calls unless the JVM starts with -D" + TUNNELING_DISABLED_SCHEMES + "= (empty)");
		}
	}

	private static List<String> nonProxyHosts(List<String> configured) {
		List<String> patterns = new ArrayList<>();
		for (String entry : configured) {
			// "localhost|*.internal", as in the JDK's http.nonProxyHosts, or one host per list element
			for (String pattern : entry.split("\\|")) {
				if (StringUtils.hasText(pattern)) {
					patterns.add(pattern.trim().toLowerCase(Locale.ROOT));
				}
			}
		}
		return List.copyOf(patterns);
	}

	/**
	 * Sends every call through the proxy but those to the non-proxy hosts.
	 */
	private static final class Selector extends ProxySelector {

		private final List<Proxy> viaProxy;

		private final List<String> nonProxyHosts;

		Selector(InetSocketAddress proxy, List<String> nonProxyHosts) {
			this.viaProxy = List.of(new Proxy(Proxy.Type.HTTP, proxy));
			this.nonProxyHosts = nonProxyHosts;
		}

		@Override
		public List<Proxy> select(URI uri) {
			String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
			return this.nonProxyHosts.stream().anyMatch((pattern) -> matches(pattern, host)) ? List.of(Proxy.NO_PROXY)
					: this.viaProxy;
		}

		private static boolean matches(String pattern, String host) {
			if (pattern.startsWith("*")) {
				return host.endsWith(pattern.substring(1));
			}
			if (pattern.endsWith("*")) {
				return host.startsWith(pattern.substring(0, pattern.length() - 1));
			}
			return host.equals(pattern);
		}

		@Override
		public void connectFailed(URI uri, SocketAddress address, IOException ex) {
			// the call fails with the exception, which the WeChat client reports
		}

	}

	/**
	 * Answers the proxy's challenge, and no one else's.
	 */
	private static final class ProxyAuthenticator extends Authenticator {

		private final String username;

		private final char[] password;

		ProxyAuthenticator(String username, String password) {
			this.username = username;
			this.password = password.toCharArray();
		}

		@Override
		protected PasswordAuthentication getPasswordAuthentication() {
			return (getRequestorType() == RequestorType.PROXY)
					? new PasswordAuthentication(this.username, this.password.clone()) : null;
		}

	}

}
