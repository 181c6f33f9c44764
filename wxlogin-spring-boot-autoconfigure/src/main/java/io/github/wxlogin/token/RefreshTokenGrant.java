package io.github.wxlogin.token;

import java.time.Instant;

import io.github.wxlogin.WxPrincipal;

/**
 * What a refresh token stands for: the user it was issued to, the family of tokens it was rotated from,
 * and when it stops working.
 *
 * @param familyId the id shared by every token rotated from one login
 * @param subject the user
 * @param expiresAt when the token stops working
 */
public record RefreshTokenGrant(String familyId, WxPrincipal subject, Instant expiresAt) {
}
