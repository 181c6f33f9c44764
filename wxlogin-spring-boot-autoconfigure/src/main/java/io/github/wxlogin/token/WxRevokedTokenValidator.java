package io.github.wxlogin.token;

import java.util.Optional;

import io.github.wxlogin.session.TokenRevocationStore;
import io.github.wxlogin.session.WxSessionEndReason;

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

	private final TokenRevocationStore revocations;

	/**
	 * Create a validator.
	 * @param revocations the revocations, which answer {@link TokenRevocationStore#knownRevocation} from memory
	 */
	public WxRevokedTokenValidator(TokenRevocationStore revocations) {
		this.revocations = revocations;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String id = token.getId();
		String sessionId = token.getClaimAsString(WxClaims.SESSION_ID);
		Optional<WxSessionEndReason> reason = (id != null) ? this.revocations.knownRevocation(id) : Optional.empty();
		if (reason.isEmpty() && sessionId != null) {
			reason = this.revocations.knownRevocation(sessionId);
		}
		return reason.map((revoked) -> OAuth2TokenValidatorResult.failure(new OAuth2Error(
				OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked (" + revoked.code() + ")", null)))
			.orElseGet(OAuth2TokenValidatorResult::success);
	}

}
