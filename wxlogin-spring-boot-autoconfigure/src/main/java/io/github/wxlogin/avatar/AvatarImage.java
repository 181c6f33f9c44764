package io.github.wxlogin.avatar;

/**
 * An avatar as the starter keeps it: decoded and written anew, so that no metadata of the upload (EXIF,
 * GPS positions, comments) is left.
 *
 * @param bytes the image
 * @param contentType {@code image/jpeg} or {@code image/png}
 * @param extension {@code jpg} or {@code png}
 */
record AvatarImage(byte[] bytes, String contentType, String extension) {
}
