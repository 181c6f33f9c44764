package io.github.wxlogin.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.util.StringUtils;

/**
 * Reads the access token from the {@code Authorization} header by the rules of Spring Security's
 * {@link DefaultBearerTokenResolver} with its defaults (the header only, never a query or form
 * parameter): a value that does not start with {@code bearer} in any case carries no token; one that
 * does must be {@code Bearer}, in any ASCII case, one space and an RFC 6750 {@code b64token}
 * ({@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}) and nothing else, or the request
 * is refused with the same {@code invalid_token} error. It checks the value in one pass instead of
 * matching a regular expression on every request.
 */
public final class WxBearerTokenResolver implements BearerTokenResolver {

	private static final String SCHEME = "Bearer ";

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		// Spring's own test, which decides between "no token" and "malformed token"
		if (!StringUtils.startsWithIgnoreCase(authorization, "bearer")) {
			return null;
		}
		if (!isBearerCredentials(authorization)) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return authorization.substring(SCHEME.length());
	}

	private static boolean isBearerCredentials(String authorization) {
		int length = authorization.length();
		if (length <= SCHEME.length()) {
			return false;
		}
		for (int i = 0; i < SCHEME.length(); i++) {
			if (asciiLowerCase(authorization.charAt(i)) != asciiLowerCase(SCHEME.charAt(i))) {
				return false;
			}
		}
		int i = SCHEME.length();
		while (i < length && isTokenCharacter(authorization.charAt(i))) {
			i++;
		}
		if (i == SCHEME.length()) {
			return false;
		}
		while (i < length && authorization.charAt(i) == '=') {
			i++;
		}
		return i == length;
	}

	/** Lower case for ASCII letters only, as a case-insensitive pattern without UNICODE_CASE compares. */
	private static char asciiLowerCase(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
