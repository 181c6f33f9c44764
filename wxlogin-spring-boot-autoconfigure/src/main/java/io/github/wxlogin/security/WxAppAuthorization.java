package io.github.wxlogin.security;

import java.util.Set;
import java.util.function.Supplier;

import io.github.wxlogin.WxPrincipal;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Requires the caller to have logged in to one of the given mini programs, for a back end that serves
 * several:
 * <pre class="code">
 * .requestMatchers("/shop/**").access(WxAppAuthorization.appid("wx0123456789abcdef"))
 * </pre>
 * A token of another app is refused with 403.
 */
public final class WxAppAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

	private final Set<String> appids;

	private WxAppAuthorization(Set<String> appids) {
		this.appids = appids;
	}

	/**
	 * Require a caller of one of the given apps.
	 * @param appids the AppIDs allowed
	 * @return the authorization manager
	 */
	public static WxAppAuthorization appid(String... appids) {
		return new WxAppAuthorization(Set.of(appids));
	}

	// Raw Supplier: Spring Security 7 declares Supplier<? extends Authentication>, 6 Supplier<Authentication>,
	// and only the erased signature overrides both
	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public AuthorizationResult authorize(Supplier authentication, RequestAuthorizationContext context) {
		return decide((Supplier<? extends Authentication>) authentication);
	}

	/**
	 * Decide for the caller: the method Spring Security 6 calls; 7 calls
	 * {@link #authorize(Supplier, RequestAuthorizationContext)}.
	 * @param authentication the caller
	 * @param context the request
	 * @return the decision
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public AuthorizationDecision check(Supplier authentication, RequestAuthorizationContext context) {
		return decide((Supplier<? extends Authentication>) authentication);
	}

	private AuthorizationDecision decide(Supplier<? extends Authentication> authentication) {
		Authentication caller = authentication.get();
		boolean granted = caller != null && caller.isAuthenticated()
				&& caller.getPrincipal() instanceof WxPrincipal principal && this.appids.contains(principal.appid());
		return new AuthorizationDecision(granted);
	}

}
