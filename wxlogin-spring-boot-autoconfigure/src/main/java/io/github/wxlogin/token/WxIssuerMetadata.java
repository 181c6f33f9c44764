package io.github.wxlogin.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The starter's metadata as the issuer of its access tokens (RFC 8414, OpenID Connect Discovery 1.0), so
 * that another service's resource server needs only the issuer's URL and the audience
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code audiences}). Served when the
 * issuer ({@code wx.login.jwt.issuer}) is an http or https URL of the host that serves the starter and the
 * tokens are signed with a key whose public half is published (RS256 or ES256): a shared HS256 secret can
 * verify nothing elsewhere.
 */
public final class WxIssuerMetadata {

	/** The property that sets the issuer. */
	public static final String ISSUER_PROPERTY = "wx.login.jwt.issuer";

	/** Below the issuer's path: where OpenID Connect Discovery, and Spring Security first, look. */
	public static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";

	/** Above the issuer's path: where RFC 8414 puts an authorization server's metadata. */
	public static final String OAUTH_AUTHORIZATION_SERVER = "/.well-known/oauth-authorization-server";

	private final URI issuer;

	private final Map<String, Object> document;

	private WxIssuerMetadata(URI issuer, Map<String, Object> document) {
		this.issuer = issuer;
		this.document = document;
	}

	/**
	 * Describe the issuer.
	 * @param issuer the issuer ({@code iss}) of the access tokens, exactly as configured
	 * @param jwkSetPath the path of the JWK set endpoint on the issuer's host, such as {@code /wx/jwks.json}
	 * @param algorithm the tokens' signing algorithm, such as {@code ES256}
	 * @param endpoints further members naming endpoints, such as {@code introspection_endpoint}, by their
	 * paths on the issuer's host
	 * @return the metadata, or empty when the issuer is not an http or https URL
	 */
	public static Optional<WxIssuerMetadata> of(String issuer, String jwkSetPath, String algorithm,
			Map<String, String> endpoints) {
		return url(issuer).map((url) -> {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("issuer", issuer);
			document.put("jwks_uri", url.resolve(jwkSetPath).toString());
			endpoints.forEach((member, path) -> document.put(member, url.resolve(path).toString()));
			// The starter issues access tokens only: no authorization endpoint, no ID tokens
			document.put("response_types_supported", List.of());
			document.put("grant_types_supported", List.of("refresh_token"));
			document.put("subject_types_supported", List.of("public"));
			document.put("access_token_signing_alg_values_supported", List.of(algorithm));
			return new WxIssuerMetadata(url, Map.copyOf(document));
		});
	}

	/**
	 * Return the paths at which the metadata of an issuer is served on its host.
	 * @param issuer the issuer, exactly as configured, or {@code null} when none is
	 * @return the OpenID Connect and RFC 8414 paths, or none when the issuer is not an http or https URL
	 */
	public static List<String> paths(@Nullable String issuer) {
		return url(issuer).map(WxIssuerMetadata::paths).orElse(List.of());
	}

	private static List<String> paths(URI issuer) {
		String path = issuer.getPath().endsWith("/") ? issuer.getPath().substring(0, issuer.getPath().length() - 1)
				: issuer.getPath();
		return List.of(path + OPENID_CONFIGURATION, OAUTH_AUTHORIZATION_SERVER + path);
	}

	private static Optional<URI> url(@Nullable String issuer) {
		if (issuer == null) {
			return Optional.empty();
		}
		try {
			URI url = new URI(issuer);
			boolean http = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
			// RFC 8414 §2: an issuer has no query or fragment
			return (http && url.getHost() != null && url.getRawQuery() == null && url.getRawFragment() == null)
					? Optional.of(url) : Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Return the paths at which this metadata is served on the issuer's host.
	 * @return the OpenID Connect and RFC 8414 paths
	 */
	public List<String> paths() {
		return paths(this.issuer);
	}

	/**
	 * Return the metadata document.
	 * @return its members
	 */
	public Map<String, Object> document() {
		return this.document;
	}

}
