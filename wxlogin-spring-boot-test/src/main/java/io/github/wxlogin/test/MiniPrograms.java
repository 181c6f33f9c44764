package io.github.wxlogin.test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The mini programs a fake server hosts on one base URL: the first is the primary one.
 * A call names its mini program by AppID and AppSecret, or by an access token issued to it.
 * Mini programs come and go while calls are answered: a call sees each one hosted or not,
 * and answers from the one it found even if it is removed meanwhile.
 */
final class MiniPrograms {

	private final Map<String, MiniProgram> byAppid = new ConcurrentHashMap<>();

	private final Clock clock;

	private final MiniProgram primary;

	// guarded by this
	private Duration tokenLifetime = StableAccessTokens.DEFAULT_LIFETIME;

	MiniPrograms(AppCredentials primary, Clock clock) {
		this.clock = clock;
		this.primary = add(primary);
	}

	/**
	 * Host a mini program, with no access tokens and no users yet.
	 * @param credentials its AppID and AppSecret
	 * @return the mini program
	 * @throws IllegalArgumentException when a mini program with that AppID is already hosted
	 */
	synchronized MiniProgram add(AppCredentials credentials) {
		// under the lock, so that a new mini program cannot miss a lifetime set meanwhile
		StableAccessTokens tokens = new StableAccessTokens(this.clock);
		tokens.lifetime(this.tokenLifetime);
		MiniProgram app = new MiniProgram(credentials, tokens, new MiniProgramUsers());
		if (this.byAppid.putIfAbsent(credentials.appid(), app) != null) {
			throw new IllegalArgumentException("Mini program " + credentials.appid()
					+ " is already hosted: change its AppSecret with setSecret or resetSecret");
		}
		return app;
	}

	/**
	 * Stop hosting a mini program: calls with its AppID get {@code 40013}, its access tokens
	 * are unknown.
	 * @param appid the AppID
	 * @throws IllegalArgumentException when no mini program has that AppID, or it is the
	 * primary one
	 */
	synchronized void remove(String appid) {
		if (this.primary.appid().equals(appid)) {
			throw new IllegalArgumentException("The primary mini program " + appid + " cannot be removed");
		}
		if (this.byAppid.remove(appid) == null) {
			throw new IllegalArgumentException("No mini program " + appid + " is hosted");
		}
	}

	MiniProgram primary() {
		return this.primary;
	}

	/**
	 * Return a hosted mini program, for the test that sets it up.
	 * @param appid the AppID
	 * @return the mini program
	 * @throws IllegalArgumentException when no mini program has that AppID
	 */
	MiniProgram get(String appid) {
		MiniProgram app = this.byAppid.get(appid);
		if (app == null) {
			throw new IllegalArgumentException("No mini program " + appid + ": add it with addApp first");
		}
		return app;
	}

	/**
	 * Return the mini program whose credentials a call sent.
	 * @param appid the AppID sent
	 * @param secret the AppSecret sent
	 * @return the mini program
	 * @throws WeChatApiError 41002/41004 when one is missing, 40013 for an unknown AppID,
	 * 40125 for a wrong AppSecret
	 */
	MiniProgram authenticate(@Nullable String appid, @Nullable String secret) {
		if (appid == null) {
			throw new WeChatApiError(41002);
		}
		if (secret == null) {
			throw new WeChatApiError(41004);
		}
		MiniProgram app = this.byAppid.get(appid);
		if (app == null) {
			throw new WeChatApiError(40013);
		}
		if (!app.credentials().secretMatches(secret)) {
			throw new WeChatApiError(40125);
		}
		return app;
	}

	/**
	 * Return the mini program that a call's access token was issued to.
	 * @param accessToken the {@code access_token} parameter
	 * @return the mini program
	 * @throws WeChatApiError 41001 when missing, 40001 when unknown or rejected, 42001 when
	 * expired
	 */
	MiniProgram authorize(@Nullable String accessToken) {
		MiniProgram owner = ownerOf(accessToken);
		if (owner == null) {
			throw new WeChatApiError((accessToken == null || accessToken.isBlank()) ? 41001 : 40001);
		}
		owner.tokens().require(accessToken);
		return owner;
	}

	@Nullable MiniProgram ownerOf(@Nullable String accessToken) {
		if (accessToken == null || accessToken.isBlank()) {
			return null;
		}
		for (MiniProgram app : this.byAppid.values()) {
			if (app.tokens().issued(accessToken)) {
				return app;
			}
		}
		return null;
	}

	/**
	 * Tell which mini program a call was made for: the AppID it sent, or the owner of its
	 * access token.
	 * @param api the API called
	 * @param request the call
	 * @return the AppID, or {@code null} when the call names no mini program
	 */
	@Nullable String appidOf(Api api, WeChatRequest request) {
		return switch (api) {
			case CODE2SESSION -> request.param("appid");
			case STABLE_TOKEN -> bodyAppid(request);
			default -> {
				MiniProgram owner = ownerOf(request.param("access_token"));
				yield (owner != null) ? owner.appid() : null;
			}
		};
	}

	boolean anyHasUser(@Nullable String openid) {
		return this.byAppid.values().stream().anyMatch((app) -> app.users().find(openid) != null);
	}

	private static @Nullable String bodyAppid(WeChatRequest request) {
		try {
			return request.bodyText("appid");
		}
		catch (WeChatApiError ex) {
			// not a JSON object: the endpoint answers that
			return null;
		}
	}

	synchronized void tokenLifetime(Duration lifetime) {
		for (MiniProgram app : this.byAppid.values()) {
			app.tokens().lifetime(lifetime);
		}
		this.tokenLifetime = lifetime;
	}

}
