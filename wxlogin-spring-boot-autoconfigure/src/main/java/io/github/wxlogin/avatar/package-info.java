/**
 * Avatars the users upload: the image checks and re-encoding, where avatars are kept
 * ({@link io.github.wxlogin.avatar.WxAvatarStore}), and WeChat's asynchronous image check of each.
 */
@NullMarked
package io.github.wxlogin.avatar;

import org.jspecify.annotations.NullMarked;
