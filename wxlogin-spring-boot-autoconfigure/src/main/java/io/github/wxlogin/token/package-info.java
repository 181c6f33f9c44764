/**
 * JSON Web Tokens: issuing access tokens (with the refresh token of their session), the signing key, and
 * decoding with the revocation check.
 */
@NullMarked
package io.github.wxlogin.token;

import org.jspecify.annotations.NullMarked;
