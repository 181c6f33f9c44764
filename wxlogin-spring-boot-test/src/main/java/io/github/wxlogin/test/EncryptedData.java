package io.github.wxlogin.test;

/**
 * Data encrypted with a user's session key, as older mini program clients receive it from
 * {@code <button open-type="getPhoneNumber">} or {@code wx.getUserProfile}.
 *
 * @param encryptedData Base64 of the AES-128-CBC ciphertext
 * @param iv Base64 of the 16-byte initialization vector
 */
public record EncryptedData(String encryptedData, String iv) {
}
