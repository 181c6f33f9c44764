package io.github.wxlogin.test;

/**
 * What {@code wx.getUserProfile} hands an older mini program client.
 *
 * @param rawData the profile as plain JSON
 * @param signature lowercase hex SHA-1 of {@code rawData} followed by the session key
 * @param encryptedData Base64 of the AES-128-CBC ciphertext of the full profile, with the
 * openid, the unionid (when the user has one) and the watermark
 * @param iv Base64 of the 16-byte initialization vector
 */
public record UserProfileData(String rawData, String signature, String encryptedData, String iv) {
}
