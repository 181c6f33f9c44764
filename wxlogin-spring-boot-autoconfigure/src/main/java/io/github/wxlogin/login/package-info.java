/**
 * The login use cases, as plain services with typed requests and results: signing in and the tokens'
 * lifecycle ({@link io.github.wxlogin.login.WxSignInService}), the signed-in caller's phone and profile
 * ({@link io.github.wxlogin.login.WxAccountService}) and the public keys
 * ({@link io.github.wxlogin.login.WxJwkSetService}). They know nothing of HTTP; a refusal is a
 * {@link io.github.wxlogin.login.WxLoginException} whose reason the endpoints turn into a status.
 */
@NullMarked
package io.github.wxlogin.login;

import org.jspecify.annotations.NullMarked;
