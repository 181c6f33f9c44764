package io.github.wxlogin.web;

import java.util.Map;

import io.github.wxlogin.PhoneConflictException;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.WxUserService.WxUserLogin;
import io.github.wxlogin.session.WxSessionKeyStore;
import io.github.wxlogin.token.RefreshTokenGrant;
import io.github.wxlogin.token.TokenRevocationStore;
import io.github.wxlogin.token.WxIssuedTokens;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxApps;
import io.github.wxlogin.wechat.WxPhoneInfo;
import io.github.wxlogin.wechat.WxSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login endpoints of the contract, mounted under {@code wx.login.endpoints.base-path}. Each reads as
 * a straight line: request, WeChat, user store, tokens, reply.
 */
@RestController
@RequestMapping("${wx.login.endpoints.base-path:/wx}")
public class WxLoginController {

	/** AppIDs are 18 characters; this leaves room without accepting anything long. */
	private static final int MAX_APPID_LENGTH = 64;

	private final WxApps apps;

	private final WxApiClient wechat;

	private final WxSessionKeyStore sessionKeys;

	private final WxUserService users;

	private final WxTokenService tokens;

	private final TokenRevocationStore revocations;

	private final WxProfileEditor profiles;

	private final Map<String, Object> publicKeys;

	private final WxLoginMetrics metrics;

	/**
	 * Create the controller.
	 * @param apps the mini programs served
	 * @param wechat the WeChat client
	 * @param sessionKeys the store of session keys
	 * @param users the host's users
	 * @param tokens the token service
	 * @param revocations the revoked access tokens
	 * @param profiles the profile rules
	 * @param publicKeys the public JWK set, empty when tokens are signed with a shared secret
	 * @param metrics where logins and refreshes are counted
	 */
	public WxLoginController(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys, WxUserService users, WxTokenService tokens, TokenRevocationStore revocations,
			WxProfileEditor profiles, Map<String, Object> publicKeys,
			WxLoginMetrics metrics) {
		this.apps = apps;
		this.wechat = wechat;
		this.sessionKeys = sessionKeys;
		this.users = users;
		this.tokens = tokens;
		this.revocations = revocations;
		this.profiles = profiles;
		this.publicKeys = Map.copyOf(publicKeys);
		this.metrics = metrics;
	}

	@PostMapping("/login")
	public TokenResponse login(@RequestBody Map<String, Object> body) {
		String code = RequestFields.required(body, "code");
		WxApp app = appNamedBy(body);
		WxSession session = this.wechat.code2Session(app, code);
		this.sessionKeys.save(app.appid(), session.openid(), session.sessionKey());
		WxUserLogin login = this.users.findOrCreate(new WxIdentity(app.appid(), session.openid(), session.unionid()));
		WxIssuedTokens issued = this.tokens.issue(principalOf(login.user()));
		this.metrics.login(login.created() ? "new_user" : "returning");
		return TokenResponse.of(issued, login.created(), UserResponse.of(login.user()));
	}

	@PostMapping("/token/refresh")
	public TokenResponse refresh(@RequestBody Map<String, Object> body) {
		String refreshToken = RequestFields.required(body, "refreshToken");
		// Everything that can fail comes before the token is spent: a store that does not answer leaves it
		// usable, and the client's retry succeeds
		RefreshTokenGrant grant = this.tokens.findRefreshGrant(refreshToken)
			.orElseThrow(WxLoginController::invalidRefreshToken);
		WxUser user = this.users.findById(grant.subject().userId()).orElseThrow(WxLoginController::userGone);
		WxIssuedTokens issued = this.tokens.refresh(refreshToken).orElseThrow(WxLoginController::invalidRefreshToken);
		this.metrics.refresh("success");
		return TokenResponse.of(issued, false, UserResponse.of(user));
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void logout(@AuthenticationPrincipal @Nullable WxPrincipal principal, Authentication authentication,
			@RequestBody(required = false) @Nullable Map<String, Object> body) {
		WxPrincipal caller = signedIn(principal);
		String refreshToken = (body != null) ? RequestFields.optional(body, "refreshToken", RequestFields.MAX_LENGTH)
				: null;
		if (refreshToken != null) {
			this.tokens.revokeRefreshToken(refreshToken, caller.userId());
		}
		if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer
				&& bearer.getToken() instanceof Jwt jwt && jwt.getId() != null && jwt.getExpiresAt() != null) {
			this.revocations.revoke(jwt.getId(), jwt.getExpiresAt());
		}
	}

	@GetMapping("/me")
	public UserResponse me(@AuthenticationPrincipal @Nullable WxPrincipal principal) {
		return UserResponse.of(userOf(signedIn(principal)));
	}

	@PostMapping("/phone")
	public PhoneResponse bindPhone(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@RequestBody Map<String, Object> body) {
		WxPrincipal caller = signedIn(principal);
		String code = RequestFields.required(body, "code");
		WxPhoneInfo info = this.wechat.phoneNumber(appOf(caller), code, caller.openid());
		return bind(caller, new WxPhone(info.phoneNumber(), info.purePhoneNumber(), info.countryCode()));
	}

	@PostMapping("/phone/decrypt")
	public PhoneResponse decryptPhone(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@RequestBody Map<String, Object> body) {
		WxPrincipal caller = signedIn(principal);
		String encryptedData = RequestFields.required(body, "encryptedData", WxLegacyData.MAX_ENCRYPTED_LENGTH);
		String iv = RequestFields.required(body, "iv");
		Map<String, Object> data = WxLegacyData.decrypt(sessionKeyOf(caller), encryptedData, iv, caller.appid());
		return bind(caller, WxLegacyData.phone(data));
	}

	@PutMapping("/profile")
	public UserResponse updateProfile(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@RequestBody Map<String, Object> body) {
		WxPrincipal caller = signedIn(principal);
		userOf(caller);
		return UserResponse.of(this.profiles.update(appOf(caller), caller, WxProfileEditor.read(body)));
	}

	@PostMapping("/profile/wechat")
	public UserResponse updateProfileFromWeChat(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@RequestBody Map<String, Object> body) {
		WxPrincipal caller = signedIn(principal);
		WxUser user = userOf(caller);
		WxLegacyProfile profile = WxLegacyProfile.verify(body, sessionKeyOf(caller), caller.appid());
		return UserResponse.of(this.profiles.updateFromWeChat(user, profile));
	}

	@GetMapping("/jwks.json")
	public ResponseEntity<Map<String, Object>> jwkSet() {
		if (this.publicKeys.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jwk-set+json")).body(this.publicKeys);
	}

	private PhoneResponse bind(WxPrincipal caller, WxPhone phone) {
		userOf(caller);
		try {
			this.users.bindPhone(caller.userId(), phone);
		}
		catch (PhoneConflictException ex) {
			throw new WxLoginException(WxErrorCode.PHONE_CONFLICT, "The phone number is bound to another user.");
		}
		return PhoneResponse.of(phone);
	}

	/** The app a login names with "appid", or the default app when it names none. */
	private WxApp appNamedBy(Map<String, Object> body) {
		String appid = RequestFields.optional(body, "appid", MAX_APPID_LENGTH);
		if (appid == null) {
			return this.apps.defaultApp()
				.orElseThrow(() -> WxLoginException.invalidRequest("'appid' is required: several mini programs are served."));
		}
		return this.apps.find(appid)
			.orElseThrow(() -> WxLoginException.invalidRequest("'appid' names no mini program served here."));
	}

	/**
	 * The caller of an endpoint that needs one. The endpoints' own security chain requires a token; a host
	 * chain that replaces it without that rule gets a 401 here rather than a failure further on.
	 */
	private static WxPrincipal signedIn(@Nullable WxPrincipal principal) {
		if (principal == null) {
			throw new WxLoginException(WxErrorCode.UNAUTHORIZED, "A valid Bearer access token is required.");
		}
		return principal;
	}

	private WxApp appOf(WxPrincipal caller) {
		return this.apps.find(caller.appid()).orElseThrow(() -> new WxLoginException(WxErrorCode.UNAUTHORIZED,
				"The token's mini program is no longer served here."));
	}

	private String sessionKeyOf(WxPrincipal caller) {
		return this.sessionKeys.find(caller.appid(), caller.openid()).orElseThrow(WxLoginException::sessionExpired);
	}

	private WxUser userOf(WxPrincipal caller) {
		return this.users.findById(caller.userId()).orElseThrow(WxLoginController::userGone);
	}

	private static WxPrincipal principalOf(WxUser user) {
		return new WxPrincipal(user.id(), user.openid(), user.appid());
	}

	private static WxLoginException invalidRefreshToken() {
		return new WxLoginException(WxErrorCode.INVALID_REFRESH_TOKEN,
				"The refresh token is unknown, expired, revoked or spent.");
	}

	private static WxLoginException userGone() {
		return new WxLoginException(WxErrorCode.UNAUTHORIZED, "The user of this token no longer exists.");
	}

}
