package io.github.wxlogin.test;

import org.jspecify.annotations.Nullable;

/**
 * What a login code grants: the session of a user at the time the code was issued.
 *
 * @param appid the AppID of the mini program the code was issued in, the only one that
 * may exchange it
 * @param openid the user's openid
 * @param sessionKey the session key made current when the code was issued
 * @param unionid the unionid, when the code was issued with one
 */
record LoginGrant(String appid, String openid, String sessionKey, @Nullable String unionid) {
}
