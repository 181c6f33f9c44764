/**
 * What other services and clients ask of a token through the OAuth standards: whether it is still active
 * (RFC 7662 introspection, for services that authenticate as configured clients) and its revocation
 * (RFC 7009, for the client that holds it).
 */
@NullMarked
package io.github.wxlogin.oauth2;

import org.jspecify.annotations.NullMarked;
