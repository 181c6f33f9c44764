/**
 * Spring Security rules of the login endpoints and the guarded application paths.
 */
@NullMarked
package io.github.wxlogin.security;

import org.jspecify.annotations.NullMarked;
