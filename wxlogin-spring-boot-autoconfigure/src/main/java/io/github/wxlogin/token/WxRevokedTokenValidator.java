package io.github.wxlogin.token;

import io.github.wxlogin.session.TokenRevocationStore;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses the starter's access tokens revoked alone ({@code jti}) or with their session ({@code sid}), as
 * far as a {@link TokenRevocationStore} knows without a call: for another service's resource server,
 * which Spring Boot gives every {@link OAuth2TokenValidator} bean, following the starter's revocations in
 * Redis ({@code wx.login.revocation-feed.enabled}).
 */
public class WxRevokedTokenValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked",
			null);

	private final TokenRevocationStore revocations;

	/**
	 * Create a validator.
	 * @param revocations the revocations, which answer {@link TokenRevocationStore#isKnownRevoked} from memory
	 */
	public WxRevokedTokenValidator(TokenRevocationStore revocations) {
		this.revocations = revocations;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String id = token.getId();
		String sessionId = token.getClaimAsString(WxClaims.SESSION_ID);
		boolean revoked = (id != null && this.revocations.isKnownRevoked(id))
				|| (sessionId != null && this.revocations.isKnownRevoked(sessionId));
		return revoked ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
	}

}
