package io.github.wxlogin.http;

import java.util.Arrays;

import org.springframework.core.env.PropertyResolver;

/**
 * The starter's endpoints: the base path they are mounted under ({@code wx.login.endpoints.base-path})
 * and the path of each below it. The one place where they are spelled: the controller maps the paths
 * named here, the security rules open some of them, and the rate limits, the body filter and the error
 * handling find them through an instance made for the configured base path.
 */
public final class WxLoginEndpoints {

	/** The property that sets the base path. */
	public static final String BASE_PATH_PROPERTY = "wx.login.endpoints.base-path";

	/** The base path when none is configured. */
	public static final String DEFAULT_BASE_PATH = "/wx";

	/** The base path as a request mapping resolves it. */
	public static final String BASE_PATH_MAPPING = "${" + BASE_PATH_PROPERTY + ":" + DEFAULT_BASE_PATH + "}";

	/** {@code POST}: log in with a {@code wx.login()} code. */
	public static final String LOGIN = "/login";

	/** {@code POST}: log in with a phone number: a {@code wx.login()} code and a {@code getPhoneNumber} code. */
	public static final String LOGIN_PHONE = "/login/phone";

	/** {@code POST}: spend a refresh token for new tokens. */
	public static final String TOKEN_REFRESH = "/token/refresh";

	/** {@code POST}: end the caller's session. */
	public static final String LOGOUT = "/logout";

	/** {@code GET}: the caller's user. */
	public static final String ME = "/me";

	/** {@code DELETE}: unlink the caller's account from a mini program, by AppID. */
	public static final String ME_IDENTITY = "/me/identities/{appid}";

	/** {@code GET}: the caller's sessions. */
	public static final String SESSIONS = "/sessions";

	/** {@code DELETE}: end one of the caller's sessions, by id. */
	public static final String SESSION = "/sessions/{id}";

	/** {@code POST}: bind the phone number of a {@code getPhoneNumber} code. */
	public static final String PHONE = "/phone";

	/** {@code POST}: bind the phone number of an older client's encrypted data. */
	public static final String PHONE_DECRYPT = "/phone/decrypt";

	/** {@code PUT}: change the caller's nickname or avatar. */
	public static final String PROFILE = "/profile";

	/** {@code POST}: take the caller's nickname and avatar from an older client's signed profile. */
	public static final String PROFILE_WECHAT = "/profile/wechat";

	/** {@code GET}: the public JWK set. */
	public static final String JWK_SET = "/jwks.json";

	/** {@code POST}: upload the caller's avatar ({@code multipart/form-data}, part {@code file}). */
	public static final String PROFILE_AVATAR = "/profile/avatar";

	/** {@code GET}: an avatar kept by the starter's own store, by id. */
	public static final String AVATAR = "/avatars/{id}";

	/** {@code POST}: whether a token is active (RFC 7662), for the services configured as clients. */
	public static final String INTROSPECT = "/oauth2/introspect";

	/** {@code POST}: revoke a token (RFC 7009), by the client that holds it. */
	public static final String REVOKE = "/oauth2/revoke";

	/** {@code GET}, {@code POST}: WeChat's message push of a mini program, by AppID. */
	public static final String PUSH = "/push/{appid}";

	private final String basePath;

	private WxLoginEndpoints(String basePath) {
		this.basePath = basePath;
	}

	/**
	 * Return the endpoints under a base path.
	 * @param basePath the base path, with or without a trailing slash
	 * @return the endpoints
	 */
	public static WxLoginEndpoints under(String basePath) {
		return new WxLoginEndpoints(basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath);
	}

	/**
	 * Return the endpoints under the base path the environment configures.
	 * @param environment the environment, or any source of the {@value #BASE_PATH_PROPERTY} property
	 * @return the endpoints
	 */
	public static WxLoginEndpoints configuredIn(PropertyResolver environment) {
		return under(environment.getProperty(BASE_PATH_PROPERTY, DEFAULT_BASE_PATH));
	}

	/**
	 * Return the base path, without a trailing slash (empty when the endpoints are mounted at the root).
	 * @return the base path
	 */
	public String basePath() {
		return this.basePath;
	}

	/**
	 * Return the full path of an endpoint.
	 * @param endpoint one of this class's endpoint constants, such as {@link #LOGIN}
	 * @return the path, such as {@code /wx/login}
	 */
	public String path(String endpoint) {
		return this.basePath + endpoint;
	}

	/**
	 * Return the full paths of endpoints.
	 * @param endpoints endpoint constants of this class
	 * @return the paths, in the same order
	 */
	public String[] paths(String... endpoints) {
		return Arrays.stream(endpoints).map(this::path).toArray(String[]::new);
	}

	/**
	 * Return the paths of the endpoints that need no access token: the logins, refresh, the JWK set, the
	 * avatars (public images), WeChat's message push (which WeChat signs itself) and the OAuth token
	 * endpoints (introspection checks its clients itself; revocation takes the token it revokes).
	 * @return the paths, {@link #AVATAR} and {@link #PUSH} as patterns
	 */
	public String[] openPaths() {
		return paths(LOGIN, LOGIN_PHONE, TOKEN_REFRESH, JWK_SET, AVATAR, PUSH, INTROSPECT, REVOKE);
	}

	/**
	 * Return the paths of the endpoints that read form-encoded bodies rather than JSON.
	 * @return the paths of the OAuth token endpoints
	 */
	public String[] formPaths() {
		return paths(INTROSPECT, REVOKE);
	}

	/**
	 * Return the pattern of every path under the base path, as Spring Security and Spring MVC match it.
	 * @return the pattern, such as {@code /wx/**}
	 */
	public String everyPathPattern() {
		return this.basePath + "/**";
	}

	/**
	 * Return the servlet URL pattern of every path under the base path, as a filter registration takes it.
	 * @return the pattern, such as {@code /wx/*}
	 */
	public String servletUrlPattern() {
		return this.basePath + "/*";
	}

	/**
	 * Return whether a path lies under the base path.
	 * @param pathWithinApplication a request's path without the context path
	 * @return whether it is one of the starter's paths
	 */
	public boolean contains(String pathWithinApplication) {
		return pathWithinApplication.equals(this.basePath) || pathWithinApplication.startsWith(this.basePath + "/");
	}

	@Override
	public String toString() {
		return "WxLoginEndpoints[" + this.basePath + "]";
	}

}
