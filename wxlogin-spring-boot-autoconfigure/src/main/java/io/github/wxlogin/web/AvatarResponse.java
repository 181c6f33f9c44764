package io.github.wxlogin.web;

/**
 * The reply of an avatar upload.
 *
 * @param avatarUrl the avatar's URL
 * @param checking whether WeChat's verdict on the image is still to come
 */
public record AvatarResponse(String avatarUrl, boolean checking) {
}
