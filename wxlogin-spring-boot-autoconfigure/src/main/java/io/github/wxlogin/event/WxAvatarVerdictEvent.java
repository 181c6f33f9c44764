package io.github.wxlogin.event;

import io.github.wxlogin.wechat.WxContentVerdict;

/**
 * WeChat's image check judged an uploaded avatar, published as a Spring application event. A {@code risky}
 * avatar has been deleted and, when it was still the account's avatar, removed from the profile.
 *
 * @param userId the account that uploaded it
 * @param avatarUrl the avatar's URL
 * @param verdict WeChat's verdict
 * @param removed whether the avatar was removed from the account's profile
 */
public record WxAvatarVerdictEvent(String userId, String avatarUrl, WxContentVerdict verdict, boolean removed) {
}
