package io.github.wxlogin.login;

import org.jspecify.annotations.Nullable;

/**
 * What {@code wx.getUserProfile} gives older clients: the profile as JSON, its signature under the
 * session key, and optionally the same data encrypted (which also carries the unionid).
 *
 * @param rawData the profile, a JSON object
 * @param signature the SHA-1 signature of {@code rawData} and the session key
 * @param encryptedData the encrypted profile, or {@code null}
 * @param iv the initialization vector of {@code encryptedData}, or {@code null}
 */
public record SignedProfile(String rawData, String signature, @Nullable String encryptedData, @Nullable String iv) {
}
