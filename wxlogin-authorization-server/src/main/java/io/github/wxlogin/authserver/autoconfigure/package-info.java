/**
 * Auto-configuration of the WeChat grants of an authorization server.
 */
@NullMarked
package io.github.wxlogin.authserver.autoconfigure;

import org.jspecify.annotations.NullMarked;
