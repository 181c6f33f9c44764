package io.github.wxlogin.login;

/**
 * Data that WeChat gave an older client encrypted with the user's session key.
 *
 * @param encryptedData the data, Base64
 * @param iv the initialization vector, Base64
 */
public record EncryptedData(String encryptedData, String iv) {
}
