package io.github.wxlogin.token;

import java.util.List;

import io.github.wxlogin.session.WxSessionEndReason;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * An access token that was valid once and is refused now, with why: it expired, or it was revoked with
 * its session (the reason the revocation keeps). The security chain's entry point answers it with 401
 * {@code unauthorized} and its {@code reason} member.
 */
public class WxTokenRefusedException extends JwtValidationException {

	private final WxSessionEndReason reason;

	/**
	 * Create an exception.
	 * @param reason why the token is refused
	 */
	public WxTokenRefusedException(WxSessionEndReason reason) {
		super(description(reason), List.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description(reason), null)));
		this.reason = reason;
	}

	/**
	 * Return why the token is refused.
	 * @return the reason
	 */
	public WxSessionEndReason reason() {
		return this.reason;
	}

	private static String description(WxSessionEndReason reason) {
		return (reason == WxSessionEndReason.EXPIRED) ? "The token expired" : "The token was revoked";
	}

}
