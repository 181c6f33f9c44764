package io.github.wxlogin.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Another service's view of the starter's revocations: it follows them in the Redis the starter's
 * instances share, and refuses a revoked access token within about a second, with no call per request.
 *
 * @param enabled Whether this service follows the revocations of a wxlogin service in Redis (Spring
 * Boot's spring.data.redis.* connection) and refuses revoked tokens in its resource server
 * @param keyPrefix Prefix of the wxlogin service's Redis keys: its wx.login.store.redis.key-prefix
 * @param accessTokenTtl Lifetime of the wxlogin service's access tokens: its wx.login.jwt.access-token-ttl
 * @param clockSkew Tolerance on "exp" of this service's decoder
 */
@ConfigurationProperties("wx.login.revocation-feed")
public record WxRevocationFeedProperties(boolean enabled, @DefaultValue("wxlogin:") String keyPrefix,
		@DefaultValue("2h") Duration accessTokenTtl, @DefaultValue("60s") Duration clockSkew) {

}
