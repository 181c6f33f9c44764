package io.github.wxlogin;

/**
 * Adds the host's own claims to every access token the starter issues.
 * @deprecated since 0.1.0 for removal: the name read as if it customized WeChat's access token; declare a
 * {@link WxJwtClaimsCustomizer} instead. Beans of this type are still applied, in the same order as
 * {@link WxJwtClaimsCustomizer} beans.
 */
@Deprecated(since = "0.1.0", forRemoval = true)
@FunctionalInterface
public interface WxAccessTokenCustomizer extends WxJwtClaimsCustomizer {

}
