package io.github.wxlogin.authserver;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.wxlogin.session.WxLoginOrigin;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Reads a token request of one of the {@link WxLoginGrantTypes WeChat grants} into a
 * {@link WxGrantAuthenticationToken}, as the authorization server's own converters read theirs: a request
 * of another grant type is not this converter's ({@code null}); a missing, blank, repeated or over-long
 * parameter is an {@code invalid_request}. Register it with
 * {@code OAuth2TokenEndpointConfigurer.accessTokenRequestConverter(...)}, or let
 * {@link WxLoginGrantsConfigurer} do it.
 */
public final class WxGrantAuthenticationConverter implements AuthenticationConverter {

	/** The starter's limit on a field of a login request; WeChat's codes are far shorter. */
	private static final int MAX_LENGTH = 512;

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private final AuthorizationGrantType grantType;

	private WxGrantAuthenticationConverter(AuthorizationGrantType grantType) {
		this.grantType = grantType;
	}

	/**
	 * The converter of the {@link WxLoginGrantTypes#WX_LOGIN} grant.
	 * @return the converter
	 */
	public static WxGrantAuthenticationConverter login() {
		return new WxGrantAuthenticationConverter(WxLoginGrantTypes.WX_LOGIN);
	}

	/**
	 * The converter of the {@link WxLoginGrantTypes#WX_PHONE} grant.
	 * @return the converter
	 */
	public static WxGrantAuthenticationConverter phone() {
		return new WxGrantAuthenticationConverter(WxLoginGrantTypes.WX_PHONE);
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		if (!this.grantType.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
			return null;
		}
		Authentication client = SecurityContextHolder.getContext().getAuthentication();
		boolean phone = WxLoginGrantTypes.WX_PHONE.equals(this.grantType);
		String loginCode = required(request, phone ? WxLoginGrantTypes.LOGIN_CODE : WxLoginGrantTypes.CODE);
		String phoneCode = phone ? required(request, WxLoginGrantTypes.PHONE_CODE) : null;
		String appid = optional(request, WxLoginGrantTypes.APPID);
		String scope = optional(request, OAuth2ParameterNames.SCOPE);
		Set<String> scopes = (scope != null)
				? new LinkedHashSet<>(Arrays.asList(StringUtils.delimitedListToStringArray(scope, " "))) : Set.of();
		WxLoginOrigin origin = WxLoginOrigin.of(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT),
				null);
		return new WxGrantAuthenticationToken(this.grantType, client, loginCode, phoneCode, appid, scopes, origin,
				additionalParameters(request));
	}

	private static String required(HttpServletRequest request, String name) {
		String value = optional(request, name);
		if (value == null) {
			throw invalidRequest(name);
		}
		return value;
	}

	private static @Nullable String optional(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		if (values == null) {
			return null;
		}
		if (values.length != 1 || !StringUtils.hasText(values[0]) || values[0].length() > MAX_LENGTH) {
			throw invalidRequest(name);
		}
		return values[0];
	}

	/** The parameters this converter does not read, as the authorization server's own converters keep them. */
	private static Map<String, Object> additionalParameters(HttpServletRequest request) {
		Set<String> read = Set.of(OAuth2ParameterNames.GRANT_TYPE, OAuth2ParameterNames.SCOPE,
				OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.CLIENT_SECRET, WxLoginGrantTypes.CODE,
				WxLoginGrantTypes.LOGIN_CODE, WxLoginGrantTypes.PHONE_CODE, WxLoginGrantTypes.APPID);
		Map<String, Object> parameters = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!read.contains(name)) {
				parameters.put(name, (values.length == 1) ? values[0] : values);
			}
		});
		return parameters;
	}

	private static OAuth2AuthenticationException invalidRequest(String parameter) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
				"OAuth 2.0 Parameter: " + parameter, ERROR_URI));
	}

}
