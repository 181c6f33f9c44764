package io.github.wxlogin.login;

import java.util.Map;
import java.util.Optional;

/**
 * The public JWK set that resource servers verify the access tokens with. Empty when the tokens are
 * signed with a shared secret, which is never published.
 * <p>
 * A host replaces or decorates this service by declaring a bean of this type, for instance to publish
 * the next key ahead of a rotation.
 */
public class WxJwkSetService {

	private final Map<String, Object> jwkSet;

	/**
	 * Create the service.
	 * @param jwkSet the JWK set as JSON members ({@code keys}), empty when there is none to publish
	 */
	public WxJwkSetService(Map<String, Object> jwkSet) {
		this.jwkSet = Map.copyOf(jwkSet);
	}

	/**
	 * Return the public JWK set.
	 * @return the JWK set as JSON members, or empty when the tokens' key is a shared secret
	 */
	public Optional<Map<String, Object>> publicJwkSet() {
		return this.jwkSet.isEmpty() ? Optional.empty() : Optional.of(this.jwkSet);
	}

}
