package io.github.wxlogin.oauth2;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.login.SignOutRequest;
import io.github.wxlogin.login.WxSignInService;
import io.github.wxlogin.session.RefreshTokenGrant;
import io.github.wxlogin.session.TokenStoreUnavailableException;
import io.github.wxlogin.session.WxSessionEndReason;
import io.github.wxlogin.token.WxClaims;
import io.github.wxlogin.token.WxTokenRefusedException;
import io.github.wxlogin.token.WxTokenService;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Answers what the OAuth standards ask of a token: whether it is active (RFC 7662) and its revocation
 * (RFC 7009). An access token is active when the starter's own decoder takes it (signature, issuer,
 * audience, times, revocation, its mini program served); a refresh token when it can still be spent. A
 * store that does not answer fails the call (503) rather than answer "inactive" or "revoked" unchecked.
 */
public class WxTokenIntrospector {

	private final JwtDecoder accessTokens;

	private final WxTokenService tokens;

	private final WxSignInService signIn;

	/**
	 * Create an introspector.
	 * @param accessTokens the decoder that guards the host's requests
	 * @param tokens the refresh tokens
	 * @param signIn the logout that a revocation is
	 */
	public WxTokenIntrospector(JwtDecoder accessTokens, WxTokenService tokens, WxSignInService signIn) {
		this.accessTokens = accessTokens;
		this.tokens = tokens;
		this.signIn = signIn;
	}

	/**
	 * Introspect a token, access or refresh, told apart by its form.
	 * @param token the token
	 * @return the members of the introspection response: {@code active}, and when active what the token
	 * stands for; an access token that was valid once and is no longer has the {@code reason} it stopped
	 * working for, as a {@link WxSessionEndReason} code
	 */
	public Map<String, Object> introspect(String token) {
		Map<String, Object> response = new LinkedHashMap<>();
		if (isAccessToken(token)) {
			try {
				accessToken(token).ifPresentOrElse((jwt) -> describe(jwt, response), () -> response.put("active", false));
			}
			catch (WxTokenRefusedException ex) {
				// A token that was valid once says why it no longer is, as a 401 of the starter's own does
				response.put("active", false);
				response.put("reason", ex.reason().code());
			}
		}
		else {
			this.tokens.findUsableGrant(token)
				.ifPresentOrElse((grant) -> describe(grant, response), () -> response.put("active", false));
		}
		return response;
	}

	/**
	 * Revoke a token: a refresh token ends its session, an access token is refused from now on. A token
	 * that is not active is left as it is, as RFC 7009 §2.2 has it.
	 * @param token the token
	 * @param ip the caller's address, for the audit trail
	 */
	public void revoke(String token, @Nullable String ip) {
		if (isAccessToken(token)) {
			accessToken(token, false).ifPresent((jwt) -> this.signIn.signOut(new SignOutRequest(jwt.getSubject(), null,
					jwt.getId(), jwt.getExpiresAt(), jwt.getClaimAsString(WxClaims.SESSION_ID), false, ip)));
		}
		else {
			this.tokens.findUsableGrant(token)
				.ifPresent((grant) -> this.signIn.signOut(new SignOutRequest(grant.subject().userId(), token, null,
						null, grant.sessionId(), false, ip)));
		}
	}

	/** An access token is a JWS in compact form; a refresh token has a single dot. */
	private static boolean isAccessToken(String token) {
		return token.chars().filter((c) -> c == '.').count() == 2;
	}

	/** The access token, or empty when it is not valid; one refused with a reason throws that refusal. */
	private Optional<Jwt> accessToken(String token) {
		return accessToken(token, true);
	}

	private Optional<Jwt> accessToken(String token, boolean withReason) {
		try {
			return Optional.of(this.accessTokens.decode(token));
		}
		catch (TokenStoreUnavailableException ex) {
			throw ex;
		}
		catch (WxTokenRefusedException ex) {
			if (withReason) {
				throw ex;
			}
			return Optional.empty();
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
	}

	private static void describe(Jwt jwt, Map<String, Object> response) {
		response.put("active", true);
		response.put("token_type", "Bearer");
		response.put("client_id", jwt.getClaimAsString(WxClaims.APPID));
		response.put("sub", jwt.getSubject());
		response.put("iss", jwt.getClaimAsString(JwtClaimNames.ISS));
		response.put("aud", jwt.getAudience());
		response.put("jti", jwt.getId());
		putEpochSeconds(response, "iat", jwt.getIssuedAt());
		putEpochSeconds(response, "nbf", jwt.getNotBefore());
		putEpochSeconds(response, "exp", jwt.getExpiresAt());
		for (String claim : new String[] { WxClaims.OPENID, WxClaims.APPID, WxClaims.TENANT, WxClaims.SESSION_ID }) {
			Object value = jwt.getClaims().get(claim);
			if (value != null) {
				response.put(claim, value);
			}
		}
	}

	private static void describe(RefreshTokenGrant grant, Map<String, Object> response) {
		WxPrincipal subject = grant.subject();
		response.put("active", true);
		response.put("token_type", "refresh_token");
		response.put("client_id", subject.appid());
		response.put("sub", subject.userId());
		putEpochSeconds(response, "exp", grant.expiresAt());
		response.put(WxClaims.OPENID, subject.openid());
		response.put(WxClaims.APPID, subject.appid());
		response.put(WxClaims.TENANT, subject.tenant());
		response.put(WxClaims.SESSION_ID, grant.sessionId());
	}

	private static void putEpochSeconds(Map<String, Object> response, String member, @Nullable Instant instant) {
		if (instant != null) {
			response.put(member, instant.getEpochSecond());
		}
	}

}
