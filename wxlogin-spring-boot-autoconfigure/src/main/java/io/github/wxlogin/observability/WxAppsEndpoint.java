package io.github.wxlogin.observability;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

import io.github.wxlogin.app.WxAppManager;
import io.github.wxlogin.app.WxAppRegistration;
import io.github.wxlogin.app.WxAppRegistry;
import io.github.wxlogin.app.WxRegisteredApp;
import io.github.wxlogin.http.WxErrorCode;
import io.github.wxlogin.wechat.WxApiOutcomes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.util.MimeType;

/**
 * The {@code wxapps} Actuator endpoint: the mini programs this back end serves, and, when the registry has
 * a table ({@link WxAppManager}), registering, changing and removing them at run time. Its replies show
 * whether an AppSecret or push settings are set, never what they are.
 * <p>
 * Web only: its operations answer with HTTP statuses (404 for an unknown app, 400 for a value of the wrong
 * form, 409 for a change the registry refuses), which JMX could not carry. Without a
 * {@link WxAppManager} every change is refused with 409 {@code read_only}; hosts that want the
 * operations gone instead set {@code management.endpoint.wxapps.access=read-only}.
 */
// Spring's @Nullable marks an operation's parameter optional to Spring Boot 3.5's Actuator (4.1's reads
// JSpecify's as well); it is deprecated in Spring Framework 7 only
@SuppressWarnings({ "deprecation", "removal" })
@WebEndpoint(id = WxAppsEndpoint.ID)
public class WxAppsEndpoint {

	/** The endpoint's id. */
	public static final String ID = "wxapps";

	private static final MimeType PROBLEM_JSON = MimeType.valueOf("application/problem+json");

	private static final int MAX_DETAIL_LENGTH = 200;

	private final WxAppRegistry registry;

	private final @Nullable WxAppManager manager;

	private final WxApiOutcomes outcomes;

	/**
	 * Create the endpoint.
	 * @param registry where the apps are read from
	 * @param manager the registry's table, or {@code null} when the registry is read-only
	 * @param outcomes where the dates of the WeChat access tokens fetched are kept
	 */
	public WxAppsEndpoint(WxAppRegistry registry, @Nullable WxAppManager manager, WxApiOutcomes outcomes) {
		this.registry = registry;
		this.manager = manager;
		this.outcomes = outcomes;
	}

	/**
	 * List every app.
	 * @return the apps
	 */
	@ReadOperation
	public Apps apps() {
		return new Apps(this.registry.list().stream().map(this::view).toList());
	}

	/**
	 * Show one app.
	 * @param appid the AppID
	 * @return the app, or 404 {@code not_found}
	 */
	@ReadOperation
	public WebEndpointResponse<?> app(@Selector String appid) {
		return this.registry.find(appid)
			.<WebEndpointResponse<?>>map((app) -> new WebEndpointResponse<>(view(app)))
			.orElseGet(() -> problem(WxErrorCode.NOT_FOUND, "No app has AppID " + appid));
	}

	/**
	 * Register an app.
	 * @param appid the AppID
	 * @param secret the AppSecret
	 * @param tenant the tenant, {@code default} when not given
	 * @param pushToken the Token of its message push, none when not given
	 * @param pushEncodingAesKey the EncodingAESKey of safe-mode push
	 * @param enabled whether it serves logins at once, {@code true} when not given
	 * @return 201 and the app as registered, or the refusal
	 */
	@WriteOperation
	public WebEndpointResponse<?> register(String appid, String secret,
			@org.springframework.lang.Nullable @Nullable String tenant,
			@org.springframework.lang.Nullable @Nullable String pushToken,
			@org.springframework.lang.Nullable @Nullable String pushEncodingAesKey,
			@org.springframework.lang.Nullable @Nullable Boolean enabled) {
		WxAppRegistration registration = new WxAppRegistration(appid, secret, tenant, pushToken, pushEncodingAesKey,
				enabled == null || enabled);
		return managed(HttpStatus.CREATED, (manager) -> manager.register(registration), secret, pushToken,
				pushEncodingAesKey);
	}

	/**
	 * Change an app: its tenant, AppSecret, push settings and state, in that order, each that is given. An
	 * empty {@code pushToken} switches push off.
	 * @param appid the AppID
	 * @param secret the new AppSecret
	 * @param pushToken the new Token of its message push, empty to switch push off
	 * @param pushEncodingAesKey the new EncodingAESKey, only with {@code pushToken}
	 * @param tenant the new tenant
	 * @param enabled whether it serves logins
	 * @return the app as changed, or the refusal
	 */
	@WriteOperation
	public WebEndpointResponse<?> change(@Selector String appid,
			@org.springframework.lang.Nullable @Nullable String secret,
			@org.springframework.lang.Nullable @Nullable String pushToken,
			@org.springframework.lang.Nullable @Nullable String pushEncodingAesKey,
			@org.springframework.lang.Nullable @Nullable String tenant,
			@org.springframework.lang.Nullable @Nullable Boolean enabled) {
		if (secret == null && pushToken == null && pushEncodingAesKey == null && tenant == null && enabled == null) {
			return problem(WxErrorCode.INVALID_REQUEST,
					"Give at least one of secret, pushToken (with pushEncodingAesKey), tenant and enabled");
		}
		if (pushEncodingAesKey != null && (pushToken == null || pushToken.isEmpty())) {
			return problem(WxErrorCode.INVALID_REQUEST, "pushEncodingAesKey needs pushToken");
		}
		return managed(HttpStatus.OK, (manager) -> {
			WxRegisteredApp changed = null;
			if (tenant != null) {
				changed = manager.changeTenant(appid, tenant);
			}
			if (secret != null) {
				changed = manager.changeSecret(appid, secret);
			}
			if (pushToken != null) {
				changed = pushToken.isEmpty() ? manager.changePush(appid, null, null)
						: manager.changePush(appid, pushToken, pushEncodingAesKey);
			}
			if (enabled != null) {
				changed = enabled ? manager.enable(appid) : manager.disable(appid);
			}
			return changed;
		}, secret, pushToken, pushEncodingAesKey);
	}

	/**
	 * Remove an app: from then on it is unknown, and its secrets are erased.
	 * @param appid the AppID
	 * @return 204, or the refusal
	 */
	@DeleteOperation
	public WebEndpointResponse<?> remove(@Selector String appid) {
		return managed(HttpStatus.NO_CONTENT, (manager) -> {
			manager.remove(appid);
			return null;
		});
	}

	private WebEndpointResponse<?> managed(HttpStatus success, ManagerAction action, @Nullable String... secrets) {
		WxAppManager manager = this.manager;
		if (manager == null) {
			return problem(HttpStatus.CONFLICT, WxAppsProblem.READ_ONLY,
					"The app registry is read-only: its apps come from the properties. Changes need a registry "
							+ "with a table (a WxAppManager)");
		}
		try {
			WxRegisteredApp app = action.apply(manager);
			return (app != null) ? new WebEndpointResponse<>(view(app), success.value())
					: new WebEndpointResponse<>(success.value());
		}
		catch (NoSuchElementException ex) {
			return problem(WxErrorCode.NOT_FOUND, detail(ex, "No such app", secrets));
		}
		catch (IllegalArgumentException ex) {
			return problem(WxErrorCode.INVALID_REQUEST, detail(ex, "A value has the wrong form", secrets));
		}
		catch (IllegalStateException ex) {
			return problem(HttpStatus.CONFLICT, WxAppsProblem.CONFLICT, detail(ex, "The registry refused the change", secrets));
		}
	}

	private WxAppView view(WxRegisteredApp app) {
		return WxAppView.of(app, this.outcomes.lastTokenFetch(app.appid()).map(Instant::toString).orElse(null));
	}

	private static WebEndpointResponse<?> problem(WxErrorCode code, String detail) {
		return problem(code.status(), code.code(), detail);
	}

	private static WebEndpointResponse<?> problem(HttpStatus status, String code, String detail) {
		return new WebEndpointResponse<>(new WxAppsProblem(status.getReasonPhrase(), status.value(), code, detail),
				status.value(), PROBLEM_JSON);
	}

	/**
	 * The refusal's message, which names what was wrong, with any secret of the request blanked out in case
	 * the message quotes a value.
	 */
	private static String detail(RuntimeException ex, String fallback, @Nullable String... secrets) {
		String message = ex.getMessage();
		if (message == null || message.isBlank()) {
			return fallback;
		}
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				message = message.replace(secret, "[hidden]");
			}
		}
		message = message.replaceAll("\\s+", " ").strip();
		return (message.length() > MAX_DETAIL_LENGTH) ? message.substring(0, MAX_DETAIL_LENGTH) + "…" : message;
	}

	@FunctionalInterface
	private interface ManagerAction {

		@Nullable WxRegisteredApp apply(WxAppManager manager);

	}

	/**
	 * The apps of the list.
	 *
	 * @param apps every app, enabled or not
	 */
	public record Apps(List<WxAppView> apps) {

	}

}
