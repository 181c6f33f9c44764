package io.github.wxlogin.session;

import org.springframework.security.core.AuthenticationException;

/**
 * An access token could not be checked because the store of revocations did not answer in time. An
 * {@link AuthenticationException}, so that the resource server hands it to the authentication entry
 * point, which answers 503 {@code store_unavailable}, rather than letting it end in a 500.
 */
public class TokenStoreUnavailableException extends AuthenticationException {

	/**
	 * Create an exception.
	 * @param cause the store's failure
	 */
	public TokenStoreUnavailableException(Throwable cause) {
		super("The token store did not answer in time", cause);
	}

}
