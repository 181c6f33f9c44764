package io.github.wxlogin.outage;

import java.util.Map;

import io.github.wxlogin.it.HostApplication;
import io.github.wxlogin.outage.Caller.Reply;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens in memory, users in PostgreSQL (a database of this test's own): a refresh while the
 * database is unreachable is refused with 503 and leaves the refresh token usable, so the client's retry
 * succeeds once the database is back.
 */
@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wx.login.store.type=memory", "wx.login.user-store.type=jdbc",
				"wx.login.user-store.initialize-schema=always", "wx.login.rate-limit.enabled=false",
				"spring.datasource.username=postgres", "spring.datasource.password=",
				"spring.datasource.hikari.connection-timeout=1000" })
@AutoConfigureFakeWeChat
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryStoreRefreshDuringDatabaseOutageTests {

	private static final OwnPostgresDatabase database = new OwnPostgresDatabase();

	@Autowired
	FakeWeChatServer wechat;

	@Autowired
	ConfigurableApplicationContext context;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
	}

	@BeforeAll
	void dropTheDatabaseWithTheApplication() {
		database.dropWhenClosed(this.context);
	}

	@Test
	void refreshRefusedWhileTheDatabaseIsDownSucceedsWhenItIsBack() throws InterruptedException {
		Caller caller = new Caller(this.port);
		Reply login = caller.post("login", "/wx/login", null,
				Map.of("code", this.wechat.issueLoginCode("openid-memory-refresh")));
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		Map<String, String> body = Map.of("refreshToken", login.text("refreshToken"));

		database.block();
		try {
			Reply refused = caller.post("refresh", "/wx/token/refresh", null, body);
			assertThat(refused.isStoreUnavailable()).as(refused.toString()).isTrue();
		}
		finally {
			database.unblock();
		}
		Reply retried = retryAsTheClientWould(caller, body);
		assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
		assertThat(retried.json().path("user").path("id").asString()).isEqualTo(login.json().path("user").path("id").asString());
	}

	/**
	 * Present the refresh token again, waiting what each 503's {@code Retry-After} asks between tries, as a
	 * client does while the connection pool replaces the connections the outage closed. The tries are
	 * bounded, so a token lost for good still fails the test.
	 */
	private Reply retryAsTheClientWould(Caller caller, Map<String, String> body) throws InterruptedException {
		Reply reply = caller.post("refresh", "/wx/token/refresh", null, body);
		for (int tries = 1; tries < 10 && reply.isStoreUnavailable(); tries++) {
			Thread.sleep(Long.parseLong(reply.retryAfter()) * 1000);
			reply = caller.post("refresh", "/wx/token/refresh", null, body);
		}
		return reply;
	}

}
