package io.github.wxlogin.authserver;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.login.SignedInUser;
import io.github.wxlogin.login.WxSignInService;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Authenticates a {@link WxGrantAuthenticationToken}: the starter's sign-in service exchanges the codes
 * with WeChat and applies its account rules (and publishes its login events), then the authorization
 * server's own {@link OAuth2TokenGenerator} issues the tokens under the registered client's settings and its
 * {@link OAuth2AuthorizationService} keeps them, so that the server's {@code refresh_token} grant renews and
 * rotates them as it does any other.
 * <p>
 * The tokens' subject is the account's id; {@link WxLoginTokenCustomizer} adds the {@code openid},
 * {@code appid} and {@code tenant} claims. A refusal of the starter is an OAuth 2 error
 * ({@code invalid_grant} for a code WeChat rejects, a disabled account or an identity conflict) whose
 * description is the starter's error code. The client must be registered with the grant's type, and gets a
 * refresh token when it is registered with {@code refresh_token} too and is not a public client.
 */
public final class WxGrantAuthenticationProvider implements AuthenticationProvider {

	private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

	private final WxSignInService signIn;

	private final Supplier<OAuth2AuthorizationService> authorizations;

	private final Supplier<OAuth2TokenGenerator<? extends OAuth2Token>> tokens;

	/**
	 * Create the provider.
	 * @param signIn the starter's sign-in service
	 * @param authorizations the authorization server's store of authorizations
	 * @param tokens the authorization server's token generator
	 */
	public WxGrantAuthenticationProvider(WxSignInService signIn, OAuth2AuthorizationService authorizations,
			OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
		this(signIn, () -> authorizations, () -> tokens);
	}

	/**
	 * Create a provider whose authorization service and token generator are known only once the
	 * authorization server's configurer has made them.
	 */
	WxGrantAuthenticationProvider(WxSignInService signIn, Supplier<OAuth2AuthorizationService> authorizations,
			Supplier<OAuth2TokenGenerator<? extends OAuth2Token>> tokens) {
		this.signIn = signIn;
		this.authorizations = authorizations;
		this.tokens = tokens;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WxGrantAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		WxGrantAuthenticationToken grant = (WxGrantAuthenticationToken) authentication;
		OAuth2ClientAuthenticationToken client = authenticatedClient(grant);
		RegisteredClient registeredClient = client.getRegisteredClient();
		AuthorizationGrantType grantType = grant.getGrantType();
		if (registeredClient == null || !registeredClient.getAuthorizationGrantTypes().contains(grantType)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
		}
		Set<String> scopes = grant.getScopes();
		if (!registeredClient.getScopes().containsAll(scopes)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_SCOPE);
		}
		SignedInUser user = signIn(grant);
		WxPrincipal principal = user.principal();
		// A type every OAuth2AuthorizationService can store: the WeChat claims are plain attributes next to it
		Authentication owner = UsernamePasswordAuthenticationToken.authenticated(principal.userId(), null, List.of());
		OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(registeredClient)
			.principalName(principal.userId())
			.authorizationGrantType(grantType)
			.authorizedScopes(scopes)
			.attribute(Principal.class.getName(), owner);
		WxGrantAttributes.write(authorization, principal);
		DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
			.registeredClient(registeredClient)
			.principal(owner)
			.authorizationServerContext(AuthorizationServerContextHolder.getContext())
			.authorization(authorization.build())
			.authorizedScopes(scopes)
			.authorizationGrantType(grantType)
			.authorizationGrant(grant);

		OAuth2AccessToken accessToken = accessToken(authorization,
				context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build());
		OAuth2RefreshToken refreshToken = null;
		if (registeredClient.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)
				&& !ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod())) {
			refreshToken = refreshToken(context.tokenType(OAuth2TokenType.REFRESH_TOKEN).build());
			authorization.refreshToken(refreshToken);
		}
		this.authorizations.get().save(authorization.build());
		return new OAuth2AccessTokenAuthenticationToken(registeredClient, client, accessToken, refreshToken,
				Map.of(WxLoginGrantTypes.NEW_USER, user.newUser()));
	}

	private SignedInUser signIn(WxGrantAuthenticationToken grant) {
		try {
			return WxLoginGrantTypes.WX_PHONE.equals(grant.getGrantType())
					? this.signIn.authenticateWithPhone(grant.toPhoneSignIn())
					: this.signIn.authenticate(grant.toSignIn());
		}
		catch (RuntimeException ex) {
			throw WxGrantErrors.of(ex);
		}
	}

	private OAuth2AccessToken accessToken(OAuth2Authorization.Builder authorization, OAuth2TokenContext context) {
		OAuth2Token generated = this.tokens.get().generate(context);
		if (generated == null) {
			throw serverError("The token generator failed to generate the access token.");
		}
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(),
				context.getAuthorizedScopes());
		OAuth2TokenFormat format = context.getRegisteredClient().getTokenSettings().getAccessTokenFormat();
		authorization.token(accessToken, (metadata) -> {
			if (generated instanceof ClaimAccessor claims) {
				metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims());
			}
			metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, false);
			metadata.put(OAuth2TokenFormat.class.getName(), format.getValue());
		});
		return accessToken;
	}

	private OAuth2RefreshToken refreshToken(OAuth2TokenContext context) {
		if (this.tokens.get().generate(context) instanceof OAuth2RefreshToken refreshToken) {
			return refreshToken;
		}
		throw serverError("The token generator failed to generate the refresh token.");
	}

	private static OAuth2ClientAuthenticationToken authenticatedClient(Authentication grant) {
		if (grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()) {
			return client;
		}
		throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
	}

	private static OAuth2AuthenticationException serverError(String description) {
		return new OAuth2AuthenticationException(
				new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, description, ERROR_URI));
	}

}
