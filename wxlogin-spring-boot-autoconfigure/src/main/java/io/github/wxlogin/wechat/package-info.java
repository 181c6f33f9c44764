/**
 * WeChat's server API: the client, its replies and errors, the cached access token, the store of
 * session keys (which never leave the server), and message push crypto.
 */
@NullMarked
package io.github.wxlogin.wechat;

import org.jspecify.annotations.NullMarked;
