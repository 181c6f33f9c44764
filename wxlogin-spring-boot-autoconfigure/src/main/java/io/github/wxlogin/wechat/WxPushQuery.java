package io.github.wxlogin.wechat;

import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a message push, as they came: each may be missing.
 *
 * @param signature SHA-1 of the sorted token, timestamp and nonce
 * @param timestamp seconds since the epoch, when WeChat signed
 * @param nonce WeChat's random number
 * @param encryptType {@code aes} in safe mode
 * @param msgSignature in safe mode, SHA-1 of the sorted token, timestamp, nonce and encrypted message
 */
public record WxPushQuery(@Nullable String signature, @Nullable String timestamp, @Nullable String nonce,
		@Nullable String encryptType, @Nullable String msgSignature) {
}
