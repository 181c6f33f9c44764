package io.github.wxlogin.web;

import java.util.List;
import java.util.Map;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.http.WxLoginEndpoints;
import io.github.wxlogin.login.SignOutRequest;
import io.github.wxlogin.login.WxAccountService;
import io.github.wxlogin.login.WxJwkSetService;
import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.login.WxSignInService;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionEndReason;
import io.github.wxlogin.token.WxClaims;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login endpoints of the contract, mounted under {@code wx.login.endpoints.base-path}: a thin
 * adapter that reads the request, hands it to a login service and writes its result. The rules live in
 * the services; their refusals become {@code problem+json} in {@link WxLoginExceptionHandler}.
 */
@RestController
@RequestMapping(WxLoginEndpoints.BASE_PATH_MAPPING)
public class WxLoginController {

	private static final MediaType JWK_SET_JSON = MediaType.parseMediaType("application/jwk-set+json");

	private final WxSignInService signIn;

	private final WxAccountService accounts;

	private final WxJwkSetService jwkSet;

	private final WxLoginSessionService sessions;

	/**
	 * Create the controller.
	 * @param signIn login, refresh and logout
	 * @param accounts the caller's user, identities, phone and profile
	 * @param jwkSet the public keys
	 * @param sessions the caller's sessions
	 */
	public WxLoginController(WxSignInService signIn, WxAccountService accounts, WxJwkSetService jwkSet,
			WxLoginSessionService sessions) {
		this.signIn = signIn;
		this.accounts = accounts;
		this.jwkSet = jwkSet;
		this.sessions = sessions;
	}

	@PostMapping(WxLoginEndpoints.LOGIN)
	public TokenResponse login(@RequestBody LoginRequest body, HttpServletRequest request) {
		return TokenResponse.of(this.signIn.signIn(body.toSignIn(ClientAddress.of(request))));
	}

	@PostMapping(WxLoginEndpoints.LOGIN_PHONE)
	public TokenResponse loginWithPhone(@RequestBody PhoneLoginRequest body, HttpServletRequest request) {
		return TokenResponse.of(this.signIn.signInWithPhone(body.toSignIn(ClientAddress.of(request))));
	}

	@PostMapping(WxLoginEndpoints.TOKEN_REFRESH)
	public TokenResponse refresh(@RequestBody RefreshRequest body, HttpServletRequest request) {
		return TokenResponse.of(this.signIn.refresh(body.refreshToken(), ClientAddress.of(request).origin(null)));
	}

	@PostMapping(WxLoginEndpoints.LOGOUT)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void logout(@AuthenticationPrincipal @Nullable WxPrincipal principal, @Nullable Authentication authentication,
			@RequestBody(required = false) @Nullable LogoutRequest body, HttpServletRequest request) {
		WxPrincipal caller = signedIn(principal);
		Jwt presented = presentedToken(authentication);
		this.signIn.signOut(new SignOutRequest(caller.userId(), (body != null) ? body.refreshToken() : null,
				(presented != null) ? presented.getId() : null, (presented != null) ? presented.getExpiresAt() : null,
				sessionIdOf(presented), body != null && body.all(), request.getRemoteAddr()));
	}

	@GetMapping(WxLoginEndpoints.ME)
	public UserResponse me(@AuthenticationPrincipal @Nullable WxPrincipal principal) {
		WxPrincipal caller = signedIn(principal);
		return UserResponse.of(this.accounts.user(caller), this.accounts.identities(caller));
	}

	@DeleteMapping(WxLoginEndpoints.ME_IDENTITY)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void unlinkIdentity(@AuthenticationPrincipal @Nullable WxPrincipal principal, @PathVariable String appid) {
		this.accounts.unlinkIdentity(signedIn(principal), appid);
	}

	@GetMapping(WxLoginEndpoints.SESSIONS)
	public List<SessionResponse> sessions(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@Nullable Authentication authentication) {
		String current = sessionIdOf(presentedToken(authentication));
		return this.sessions.sessions(signedIn(principal).userId())
			.stream()
			.map((session) -> SessionResponse.of(session, current,
					this.sessions.idleExpiresAt(session).orElse(null)))
			.toList();
	}

	@DeleteMapping(WxLoginEndpoints.SESSION)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void endSession(@AuthenticationPrincipal @Nullable WxPrincipal principal, @PathVariable String id) {
		if (this.sessions.endSession(signedIn(principal).userId(), id, WxSessionEndReason.SESSION_ENDED).isEmpty()) {
			throw new WxLoginException(Reason.NOT_FOUND, "The caller has no session with this id.");
		}
	}

	@PostMapping(WxLoginEndpoints.PHONE)
	public PhoneResponse bindPhone(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@RequestBody PhoneRequest body) {
		return PhoneResponse.of(this.accounts.bindPhone(signedIn(principal), body.code()));
	}

	@PostMapping(WxLoginEndpoints.PHONE_DECRYPT)
	public PhoneResponse decryptPhone(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@RequestBody EncryptedPhoneRequest body) {
		return PhoneResponse.of(this.accounts.bindPhone(signedIn(principal), body.toEncryptedData()));
	}

	@PutMapping(WxLoginEndpoints.PROFILE)
	public UserResponse updateProfile(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@RequestBody ProfileRequest body) {
		return UserResponse.of(this.accounts.updateProfile(signedIn(principal), body.toProfileChange()));
	}

	@PostMapping(WxLoginEndpoints.PROFILE_WECHAT)
	public UserResponse updateProfileFromWeChat(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@RequestBody WeChatProfileRequest body) {
		return UserResponse.of(this.accounts.updateProfile(signedIn(principal), body.toSignedProfile()));
	}

	@GetMapping(WxLoginEndpoints.JWK_SET)
	public ResponseEntity<Map<String, Object>> jwkSet() {
		return this.jwkSet.publicJwkSet()
			.map((keys) -> ResponseEntity.ok().contentType(JWK_SET_JSON).body(keys))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static @Nullable Jwt presentedToken(@Nullable Authentication authentication) {
		return (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer
				&& bearer.getToken() instanceof Jwt jwt) ? jwt : null;
	}

	private static @Nullable String sessionIdOf(@Nullable Jwt token) {
		return (token != null) ? token.getClaimAsString(WxClaims.SESSION_ID) : null;
	}

	/**
	 * The caller of an endpoint that needs one. The endpoints' own security chain requires a token; a host
	 * chain that replaces it without that rule gets a 401 here rather than a failure further on.
	 */
	private static WxPrincipal signedIn(@Nullable WxPrincipal principal) {
		if (principal == null) {
			throw WxLoginException.notSignedIn();
		}
		return principal;
	}

}
