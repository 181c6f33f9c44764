/**
 * Public API of wxlogin: the caller ({@link io.github.wxlogin.WxPrincipal}), the user, and the user service
 * and account store a host may replace.
 */
@NullMarked
package io.github.wxlogin;

import org.jspecify.annotations.NullMarked;
