package io.github.wxlogin.authserver;

import java.util.Map;
import java.util.Set;

import io.github.wxlogin.login.PhoneSignInRequest;
import io.github.wxlogin.login.SignInRequest;
import io.github.wxlogin.session.WxLoginOrigin;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/**
 * A token request of a {@link WxLoginGrantTypes WeChat grant}, read by {@link WxGrantAuthenticationConverter}
 * and authenticated by {@link WxGrantAuthenticationProvider}. Its codes never appear in
 * {@link #toString()}.
 */
public class WxGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final String loginCode;

	private final @Nullable String phoneCode;

	private final @Nullable String appid;

	private final Set<String> scopes;

	private final WxLoginOrigin origin;

	/**
	 * Create a token request.
	 * @param grantType {@link WxLoginGrantTypes#WX_LOGIN} or {@link WxLoginGrantTypes#WX_PHONE}
	 * @param clientPrincipal the authenticated client
	 * @param loginCode the one-time code of {@code wx.login()}
	 * @param phoneCode the {@code getPhoneNumber} code, for the phone grant only
	 * @param appid the mini program, or {@code null} for the default one
	 * @param scopes the scopes requested, empty for none
	 * @param origin where the request came from, for the audit trail
	 * @param additionalParameters the request's other parameters
	 */
	public WxGrantAuthenticationToken(AuthorizationGrantType grantType, Authentication clientPrincipal,
			String loginCode, @Nullable String phoneCode, @Nullable String appid, Set<String> scopes,
			WxLoginOrigin origin, @Nullable Map<String, Object> additionalParameters) {
		super(grantType, clientPrincipal, additionalParameters);
		this.loginCode = loginCode;
		this.phoneCode = phoneCode;
		this.appid = appid;
		this.scopes = Set.copyOf(scopes);
		this.origin = origin;
	}

	/**
	 * Return the scopes requested.
	 * @return the scopes, empty for none
	 */
	public Set<String> getScopes() {
		return this.scopes;
	}

	/**
	 * Return the mini program the login is for.
	 * @return the AppID, or {@code null} for the default mini program
	 */
	public @Nullable String getAppid() {
		return this.appid;
	}

	/**
	 * Return the login this request asks for, as the starter's sign-in service takes it.
	 * @return the login request, for the {@link WxLoginGrantTypes#WX_LOGIN} grant
	 */
	SignInRequest toSignIn() {
		return new SignInRequest(this.loginCode, this.appid, this.origin);
	}

	/**
	 * Return the phone-number login this request asks for, as the starter's sign-in service takes it.
	 * @return the login request, for the {@link WxLoginGrantTypes#WX_PHONE} grant
	 */
	PhoneSignInRequest toPhoneSignIn() {
		if (this.phoneCode == null) {
			throw new IllegalStateException("A phone-number login needs a phone code");
		}
		return new PhoneSignInRequest(this.loginCode, this.phoneCode, this.appid, this.origin);
	}

	@Override
	public String toString() {
		return "WxGrantAuthenticationToken[grantType=" + getGrantType().getValue() + ", appid=" + this.appid
				+ ", scopes=" + this.scopes + "]";
	}

}
