/**
 * WeChat's server API: the client, its replies and errors, and the cached access token.
 */
@NullMarked
package io.github.wxlogin.wechat;

import org.jspecify.annotations.NullMarked;
