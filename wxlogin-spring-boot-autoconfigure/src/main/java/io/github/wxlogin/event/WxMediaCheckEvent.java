package io.github.wxlogin.event;

import io.github.wxlogin.wechat.WxContentVerdict;
import org.jspecify.annotations.Nullable;

/**
 * WeChat pushed the verdict of an asynchronous image check ({@code wxa_media_check}), published as a Spring
 * application event. The starter's own avatar checks listen to it; a host's checks of other images can too.
 *
 * @param appid the mini program
 * @param traceId the trace id {@code media_check_async} answered
 * @param verdict {@code result.suggest}
 * @param label {@code result.label}, WeChat's category of what it found (100 = normal), when given
 */
public record WxMediaCheckEvent(String appid, String traceId, WxContentVerdict verdict, @Nullable Integer label) {
}
