package io.github.wxlogin;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A WeChat identity as an account holds it.
 *
 * @param appid the mini program's AppID
 * @param openid the user's id within that mini program
 * @param unionid the user's id across the Open Platform account, when known
 * @param linkedAt when the identity was linked to the account
 */
public record WxLinkedIdentity(String appid, String openid, @Nullable String unionid, Instant linkedAt) {
}
