/**
 * Public API of wxlogin: the caller ({@link io.github.wxlogin.WxPrincipal}), the user and the user and account
 * services a host may replace.
 */
@NullMarked
package io.github.wxlogin;

import org.jspecify.annotations.NullMarked;
