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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users in PostgreSQL (a database of the test's own): a refresh while the database is unreachable is
 * refused with 503 and leaves the refresh token usable, although the store spent it before the user was
 * read, so the client's retry succeeds once the database is back; the token put back is still spent only
 * once. A subclass for each refresh-token store. The reuse interval is off here, so that presenting the
 * token put back again is a reuse at once (LostRefreshReplyIntegrationTests covers the interval).
 */
@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wx.login.user-store.type=jdbc", "wx.login.user-store.initialize-schema=always",
				"wx.login.rate-limit.enabled=false", "spring.datasource.username=postgres",
				"spring.datasource.password=", "spring.datasource.hikari.connection-timeout=1000",
				"wx.login.jwt.refresh-reuse-interval=0" })
@AutoConfigureFakeWeChat
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RefreshDuringDatabaseOutageTests {

	@Autowired
	FakeWeChatServer wechat;

	@Autowired
	ConfigurableApplicationContext context;

	@LocalServerPort
	int port;

	private final OwnPostgresDatabase database;

	/**
	 * Create the tests.
	 * @param database the subclass's own database, whose URL it registers as {@code spring.datasource.url}
	 */
	RefreshDuringDatabaseOutageTests(OwnPostgresDatabase database) {
		this.database = database;
	}

	@BeforeAll
	void dropTheDatabaseWithTheApplication() {
		this.database.dropWhenClosed(this.context);
	}

	@Test
	void refreshRefusedWhileTheDatabaseIsDownSucceedsWhenItIsBack() throws InterruptedException {
		Caller caller = new Caller(this.port);
		Reply login = login(caller, "openid-refresh-outage");
		Map<String, String> body = Map.of("refreshToken", login.text("refreshToken"));

		this.database.block();
		try {
			Reply refused = caller.post("refresh", "/wx/token/refresh", null, body);
			assertThat(refused.isStoreUnavailable()).as(refused.toString()).isTrue();
		}
		finally {
			this.database.unblock();
		}
		Reply retried = retryAsTheClientWould(caller, body);
		assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
		assertThat(retried.json().path("user").path("id").asString()).isEqualTo(login.json().path("user").path("id").asString());

		Reply reused = caller.post("refresh", "/wx/token/refresh", null, body);
		assertThat(reused.status()).as("the token put back, presented again after its retry").isEqualTo(401);
		Reply ended = caller.post("refresh", "/wx/token/refresh", null,
				Map.of("refreshToken", retried.text("refreshToken")));
		assertThat(ended.status()).as("its session ended by the reuse").isEqualTo(401);
	}

	private Reply login(Caller caller, String openid) {
		Reply login = caller.post("login", "/wx/login", null, Map.of("code", this.wechat.issueLoginCode(openid)));
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return login;
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
