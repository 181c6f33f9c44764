/**
 * Server-side store of WeChat session keys, which never leave the server.
 */
@NullMarked
package io.github.wxlogin.session;

import org.jspecify.annotations.NullMarked;
