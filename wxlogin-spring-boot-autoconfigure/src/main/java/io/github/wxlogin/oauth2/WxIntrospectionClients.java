package io.github.wxlogin.oauth2;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The services that may introspect tokens, each with its client id and secret, presented with HTTP Basic
 * as RFC 6749 §2.3.1 spells it (both form-encoded, then joined by a colon).
 */
public final class WxIntrospectionClients {

	private final Map<String, byte[]> secrets;

	/**
	 * Create the clients.
	 * @param secrets each client's secret, by client id
	 */
	public WxIntrospectionClients(Map<String, String> secrets) {
		this.secrets = Map.copyOf(secrets.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					(client) -> client.getValue().getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * Return whether any client is configured: without one, nobody may introspect.
	 * @return whether introspection is on
	 */
	public boolean any() {
		return !this.secrets.isEmpty();
	}

	/**
	 * Return the client an {@code Authorization} header authenticates.
	 * @param authorization the header, or {@code null} when the request has none
	 * @return the client id, or {@code null} when the header names no client with its secret
	 */
	public @Nullable String authenticate(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String credentials;
		try {
			credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = credentials.indexOf(':');
		if (colon < 0) {
			return null;
		}
		try {
			String client = URLDecoder.decode(credentials.substring(0, colon), StandardCharsets.UTF_8);
			String secret = URLDecoder.decode(credentials.substring(colon + 1), StandardCharsets.UTF_8);
			byte[] expected = this.secrets.get(client);
			// Compared in constant time, whatever its length
			return (expected != null && MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.UTF_8)))
					? client : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
