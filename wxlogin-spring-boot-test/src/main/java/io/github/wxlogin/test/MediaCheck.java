package io.github.wxlogin.test;

/**
 * A {@code media_check_async} call the fake server accepted, waiting for its verdict.
 *
 * @param appid the mini program whose access token made the call
 * @param openid the user the media belongs to
 * @param mediaUrl the URL WeChat would fetch the image from
 * @param scene the scene sent (1 = profile)
 * @param traceId the trace id answered, which the verdict event carries
 */
public record MediaCheck(String appid, String openid, String mediaUrl, int scene, String traceId) {
}
