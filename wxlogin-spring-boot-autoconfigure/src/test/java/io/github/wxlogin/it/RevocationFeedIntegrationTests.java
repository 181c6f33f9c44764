package io.github.wxlogin.it;

import java.time.Duration;
import java.util.Map;

import io.github.wxlogin.it.OtherServiceIntegrationTests.OtherService;
import io.github.wxlogin.it.WxLoginClient.Reply;
import io.github.wxlogin.redis.LocalRedis;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another service of the same back end, a stock resource server that follows the starter's revocations in
 * the Redis the login service keeps them in ({@code wx.login.revocation-feed.enabled}): a token logged out
 * or whose session was ended is refused there too, with no call to the login service or Redis per request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationFeedIntegrationTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	/** Generous: only a revocation that never arrives fails the test. */
	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private final String keyPrefix = LocalRedis.uniqueKeyPrefix(getClass());

	private ConfigurableApplicationContext loginService;

	private ConfigurableApplicationContext otherService;

	private WxLoginClient login;

	private WxLoginClient other;

	@BeforeAll
	void startBothServices() {
		// fails the class when Redis is down
		LocalRedis.connect().destroy();
		FakeWeChatServer fake = wechat.server();
		this.loginService = new SpringApplicationBuilder(HostApplication.class).run("--server.port=0",
				"--wx.login.store.type=redis", "--wx.login.store.redis.key-prefix=" + this.keyPrefix,
				"--spring.data.redis.host=" + LocalRedis.HOST, "--wx.login.rate-limit.enabled=false",
				"--wx.login.api-base-url=" + fake.baseUrl(), "--wx.login.appid=" + fake.appid(),
				"--wx.login.secret=" + fake.secret());
		this.login = new WxLoginClient(port(this.loginService));
		this.otherService = new SpringApplicationBuilder(OtherService.class).run("--server.port=0",
				"--wx.login.enabled=false", "--wx.login.revocation-feed.enabled=true",
				"--wx.login.revocation-feed.key-prefix=" + this.keyPrefix, "--spring.data.redis.host=" + LocalRedis.HOST,
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + port(this.loginService)
						+ "/wx/jwks.json",
				"--spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256",
				"--spring.security.oauth2.resourceserver.jwt.audiences=" + fake.appid());
		this.other = new WxLoginClient(port(this.otherService));
	}

	@AfterAll
	void stopBothServices() {
		if (this.otherService != null) {
			this.otherService.close();
		}
		if (this.loginService != null) {
			this.loginService.close();
		}
		LettuceConnectionFactory redis = LocalRedis.connect();
		LocalRedis.deleteKeys(new StringRedisTemplate(redis), this.keyPrefix);
		redis.destroy();
	}

	@Test
	void aTokenLoggedOutIsRefusedByTheOtherService() {
		String token = signIn("openid-feed-logout").text("accessToken");
		assertThat(this.other.get("/orders", token).status().value()).isEqualTo(200);
		assertThat(this.login.post("/wx/logout", token, Map.of()).status().value()).isEqualTo(204);
		System.out.println("[revocation-feed] logout refused by the other service after "
				+ millisUntilRefused(token) + " ms");
	}

	@Test
	void aTokenWhoseSessionWasEndedIsRefusedByTheOtherService() {
		Reply phone = signIn("openid-feed-session");
		String token = phone.text("accessToken");
		String tablet = signIn("openid-feed-session").text("accessToken");
		assertThat(this.other.get("/orders", token).status().value()).isEqualTo(200);
		String sessionId = this.login.get("/wx/sessions", tablet).json().get(1).path("id").asString();
		assertThat(this.login.delete("/wx/sessions/" + sessionId, tablet).status().value()).isEqualTo(204);
		System.out.println("[revocation-feed] ended session refused by the other service after "
				+ millisUntilRefused(token) + " ms");
		assertThat(this.other.get("/orders", tablet).status().value()).isEqualTo(200);
	}

	private Reply signIn(String openid) {
		Reply reply = this.login.post("/wx/login", Map.of("code", wechat.server().issueLoginCode(openid)));
		assertThat(reply.status().value()).as(reply.body()).isEqualTo(200);
		return reply;
	}

	private long millisUntilRefused(String token) {
		long start = System.nanoTime();
		while (System.nanoTime() - start < DEADLINE.toNanos()) {
			if (this.other.get("/orders", token).status().value() == 401) {
				return Duration.ofNanos(System.nanoTime() - start).toMillis();
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("The other service still takes the revoked token after " + DEADLINE);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
