/**
 * The HTTP contract: the table of routes, the error codes, the mapping of failures to codes, and the one
 * writer of {@code problem+json}, shared by the endpoints and the security chain.
 */
@NullMarked
package io.github.wxlogin.http;

import org.jspecify.annotations.NullMarked;
