/**
 * Issuing and validating access tokens (JWT), refresh tokens with rotation, and revocation.
 */
@NullMarked
package io.github.wxlogin.token;

import org.jspecify.annotations.NullMarked;
