package io.github.wxlogin.test;

import org.jspecify.annotations.Nullable;

/**
 * A {@code getuserriskrank} call the fake WeChat server received, as its mini program sent it.
 *
 * @param appid the mini program
 * @param openid the user
 * @param scene 0 for registration or login, 1 for marketing
 * @param clientIp the user's IP address as sent
 * @param mobileNo the user's phone number, or {@code null} when none was sent
 */
public record RiskRankRequest(String appid, String openid, int scene, String clientIp, @Nullable String mobileNo) {
}
