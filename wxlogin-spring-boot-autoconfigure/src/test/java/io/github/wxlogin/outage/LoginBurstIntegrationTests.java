package io.github.wxlogin.outage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.github.wxlogin.it.HostApplication;
import io.github.wxlogin.outage.Caller.Reply;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

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
 * Load is not an outage: the host application on PostgreSQL with a pool of two connections, given many
 * more logins at once than the pool has connections, while the database answers every query. The pool
 * times out a wait for a connection after 1 s, as docs/scale-out.md advises; the logins beyond the pool's size
 * wait their turn in the starter instead, and every one is served.
 */
@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wx.login.store.type=memory", "wx.login.user-store.initialize-schema=always",
				"spring.datasource.username=postgres", "spring.datasource.password=",
				"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.maximum-pool-size=2",
				// a bound far beyond this burst's wait on a busy machine: the test is about waiting, not its length
				"wx.login.store.queue-timeout=60s",
				// the WeChat timeouts only guard against a hung fake: 200 calls at once on a loaded machine are slow
				"wx.login.connect-timeout=10s", "wx.login.read-timeout=30s",
				"wx.login.rate-limit.login-per-ip=1000000",
				"wx.login.jwt.hmac-secret=a-secret-of-the-login-burst-test-of-32-bytes" })
@AutoConfigureFakeWeChat
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBurstIntegrationTests {

	/** As many as Tomcat serves at once by default, a hundred times the pool. */
	static final int BURST = 200;

	private static final OwnPostgresDatabase database = new OwnPostgresDatabase();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ExecutorService phones = Executors.newFixedThreadPool(BURST);

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
	void dropDatabaseWithTheApplication() {
		database.dropWhenClosed(this.context);
	}

	@AfterAll
	void stopPhones() {
		this.phones.shutdownNow();
	}

	@Test
	void aBurstOfNewUsersBeyondThePoolSizeIsServed() throws Exception {
		String prefix = "burst-" + UUID.randomUUID() + "-";
		List<Reply> replies = loginAtOnce((i) -> prefix + i);
		assertThat(replies).allSatisfy((reply) -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
		assertThat(userIds(replies)).hasSize(BURST);
	}

	@Test
	void aBurstOfReturningUsersBeyondThePoolSizeIsServed() throws Exception {
		String prefix = "returning-" + UUID.randomUUID() + "-";
		List<Reply> first = loginAtOnce((i) -> prefix + (i % 20));
		List<Reply> again = loginAtOnce((i) -> prefix + (i % 20));
		assertThat(first).allSatisfy((reply) -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
		assertThat(again).allSatisfy((reply) -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
		assertThat(userIds(again)).isEqualTo(userIds(first)).hasSize(20);
	}

	@Test
	void manySimultaneousFirstLoginsOfOneUserAreServedAsOneAccount() throws Exception {
		String openid = "double-tap-" + UUID.randomUUID();
		List<Reply> replies = loginAtOnce((i) -> openid);
		assertThat(replies).allSatisfy((reply) -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
		assertThat(userIds(replies)).hasSize(1);
	}

	/** Every phone asks for its code first, then all log in at the same moment. */
	private List<Reply> loginAtOnce(IntFunction<String> openids) throws Exception {
		Caller caller = new Caller(this.port, Duration.ofMinutes(2));
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Reply>> logins = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			String code = this.wechat.issueLoginCode(openids.apply(i));
			logins.add(this.phones.submit(() -> {
				go.await();
				return caller.post("login", "/wx/login", null, Map.of("code", code));
			}));
		}
		go.countDown();
		List<Reply> replies = new ArrayList<>();
		for (Future<Reply> login : logins) {
			replies.add(login.get());
		}
		return replies;
	}

	private static Set<String> userIds(List<Reply> replies) {
		return replies.stream()
			.map((reply) -> json.readTree(reply.body()).path("user").path("id").asString())
			.collect(Collectors.toSet());
	}

}
