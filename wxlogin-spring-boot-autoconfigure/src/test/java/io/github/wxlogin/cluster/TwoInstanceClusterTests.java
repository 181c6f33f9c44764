package io.github.wxlogin.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.app.WxAppManager;
import io.github.wxlogin.app.WxAppRegistration;
import io.github.wxlogin.it.LocalDatabaseServers;
import io.github.wxlogin.login.WxAccountManager;
import io.github.wxlogin.login.WxAccountPurger;
import io.github.wxlogin.redis.LocalRedis;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.PhoneLoginCodes;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a host application behind a load balancer: users in one PostgreSQL database, state
 * in one Redis, the same signing key and the same WeChat mini program; a subclass for each kind of Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoInstanceClusterTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private static final String DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=5";

	/** Users of this run, so that it cleans up only after itself. */
	private static final String OPENID_PREFIX = "cluster-" + UUID.randomUUID() + "-";

	private static final JsonMapper json = JsonMapper.builder().build();

	/** The key both instances encrypt the app registry's secrets with (32 bytes, Base64). */
	private static final String APP_REGISTRY_KEY = "4hHoxaegBPmYoXu5m0VoGGuze7e3pqj0dthPe+bDyHg=";

	/** Apps this run registered, so that it cleans up only after itself. */
	private final List<String> registeredApps = new ArrayList<>();

	private final Supplier<LettuceConnectionFactory> redisServer;

	private final List<String> redisProperties;

	private final String keyPrefix = LocalRedis.uniqueKeyPrefix(getClass());

	private ConfigurableApplicationContext instanceA;

	private ConfigurableApplicationContext instanceB;

	private Client a;

	private Client b;

	/**
	 * Create the tests for one kind of Redis.
	 * @param redisServer connects to the Redis, failing when it is not running
	 * @param redisProperties the instances' {@code spring.data.redis.*} arguments
	 */
	TwoInstanceClusterTests(Supplier<LettuceConnectionFactory> redisServer, String... redisProperties) {
		this.redisServer = redisServer;
		this.redisProperties = List.of(redisProperties);
	}

	@BeforeAll
	void startTwoInstances() {
		LocalDatabaseServers.requirePostgresql();
		// fails the class when Redis is down, rather than letting the instances start without it
		this.redisServer.get().destroy();
		restartBothInstances();
	}

	@AfterAll
	void stopTwoInstances() {
		if (this.instanceA != null) {
			this.instanceA.close();
		}
		if (this.instanceB != null) {
			this.instanceB.close();
		}
		JdbcClient users = JdbcClient.create(dataSource());
		List<String> accountIds = users.sql("SELECT account_id FROM wx_identity WHERE openid LIKE ?")
			.param(OPENID_PREFIX + "%")
			.query(String.class)
			.list();
		users.sql("DELETE FROM wx_identity WHERE openid LIKE ?").param(OPENID_PREFIX + "%").update();
		accountIds.forEach((id) -> users.sql("DELETE FROM wx_account WHERE id = ?").param(id).update());
		this.registeredApps.forEach((appid) -> users.sql("DELETE FROM wx_app WHERE appid = ?").param(appid).update());
		LettuceConnectionFactory connectionFactory = this.redisServer.get();
		LocalRedis.deleteKeys(new StringRedisTemplate(connectionFactory), this.keyPrefix);
		connectionFactory.destroy();
	}

	private void restartBothInstances() {
		if (this.instanceA != null) {
			this.instanceA.close();
			this.instanceB.close();
		}
		this.instanceA = start();
		this.instanceB = start();
		this.a = new Client(this.instanceA);
		this.b = new Client(this.instanceB);
	}

	private ConfigurableApplicationContext start() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				// bounds the database connections of the unpooled data source below
				"--server.tomcat.threads.max=16", "--spring.datasource.url=" + DATABASE_URL,
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--spring.datasource.type=" + SimpleDriverDataSource.class.getName(), "--wx.login.store.type=redis",
				"--wx.login.store.redis.key-prefix=" + this.keyPrefix, "--wx.login.user-store.initialize-schema=always",
				// hundreds of users log in from this one address
				"--wx.login.rate-limit.enabled=false",
				"--wx.login.jwt.hmac-secret=a-secret-both-instances-share-of-32-bytes-or-more",
				"--wx.login.api-base-url=" + fake().baseUrl(), "--wx.login.appid=" + fake().appid(),
				"--wx.login.secret=" + fake().secret(), "--wx.login.app-registry.type=jdbc",
				"--wx.login.app-registry.encryption-key=" + APP_REGISTRY_KEY,
				// the tests purge when they say so
				"--wx.login.accounts.phone-conflict=merge", "--wx.login.accounts.purge-interval=1h"));
		args.addAll(this.redisProperties);
		return new SpringApplicationBuilder(ClusterApplication.class).web(WebApplicationType.SERVLET)
			.run(args.toArray(String[]::new));
	}

	private static SimpleDriverDataSource dataSource() {
		return new SimpleDriverDataSource(new Driver(), DATABASE_URL, "postgres", "");
	}

	private static FakeWeChatServer fake() {
		return wechat.server();
	}

	private static String newOpenid() {
		return OPENID_PREFIX + UUID.randomUUID();
	}

	private static Reply login(Client instance, String openid) {
		Reply reply = instance.post("/wx/login", null, Map.of("code", fake().issueLoginCode(openid)));
		assertThat(reply.status()).isEqualTo(200);
		return reply;
	}

	private String registerApp(Client instance, @Nullable String tenant) {
		String appid = newAppid();
		registerApp(instance, appid, tenant);
		return appid;
	}

	private void registerApp(Client instance, String appid, @Nullable String tenant) {
		String secret = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 16);
		fake().addApp(appid, secret);
		this.registeredApps.add(appid);
		manager(instance).register(new WxAppRegistration(appid, secret, tenant));
	}

	private static String newAppid() {
		return "wx" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
	}

	private WxAppManager manager(Client instance) {
		return ((instance == this.a) ? this.instanceA : this.instanceB).getBean(WxAppManager.class);
	}

	private static Reply loginTo(Client instance, String appid, String openid) {
		return instance.post("/wx/login", null, Map.of("code", fake().issueLoginCode(appid, openid, null), "appid", appid));
	}

	/** Send a request until it is answered with the status (a change reaches the other instance's poll). */
	private static Reply eventually(int status, Supplier<Reply> request) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Reply reply = request.get();
		while (reply.status() != status && System.nanoTime() < deadline) {
			Thread.sleep(100);
			reply = request.get();
		}
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		return reply;
	}

	@Test
	void appRegisteredOnOneInstanceLogsInOnTheOtherAndItsChangesReachBoth() throws InterruptedException {
		String appid = newAppid();
		// the other instance has already been asked for it, and remembers it as unknown
		assertThat(this.b.post("/wx/login", null, Map.of("code", "any", "appid", appid)).code()).isEqualTo("unknown_app");
		registerApp(this.a, appid, "merchant-1");
		assertThat(loginTo(this.a, appid, newOpenid()).status()).isEqualTo(200);
		long registered = System.nanoTime();
		Reply onB = eventually(200, () -> loginTo(this.b, appid, newOpenid()));
		System.out.printf("[app-registry] registered on A, first login on B after %d ms%n",
				Duration.ofNanos(System.nanoTime() - registered).toMillis());
		assertThat(onB.json().path("accessToken").asString()).isNotBlank();

		// WeChat's "reset secret", then the new secret given on the other instance
		String secret = fake().resetSecret(appid);
		manager(this.b).changeSecret(appid, secret);
		eventually(200, () -> loginTo(this.a, appid, newOpenid()));
		eventually(200, () -> loginTo(this.b, appid, newOpenid()));

		String accessToken = loginTo(this.b, appid, newOpenid()).text("accessToken");
		manager(this.a).disable(appid);
		eventually(403, () -> loginTo(this.b, appid, newOpenid()));
		assertThat(loginTo(this.a, appid, newOpenid()).code()).isEqualTo("app_disabled");
		eventually(401, () -> this.b.get("/api/hello", accessToken));

		// both instances restart: the table keeps the app, its new secret and its state
		restartBothInstances();
		assertThat(loginTo(this.b, appid, newOpenid()).code()).isEqualTo("app_disabled");
		manager(this.b).enable(appid);
		assertThat(loginTo(this.b, appid, newOpenid()).status()).isEqualTo(200);
		eventually(200, () -> loginTo(this.a, appid, newOpenid()));
	}

	@Test
	void twoTenantsWithTheSamePhoneKeepTwoAccountsOnBothInstances() throws InterruptedException {
		String first = registerApp(this.a, "tenant-" + UUID.randomUUID().toString().substring(0, 8));
		String second = registerApp(this.b, "tenant-" + UUID.randomUUID().toString().substring(0, 8));
		String phone = Long.toString(13_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L));
		Reply inFirst = eventually(200, () -> this.b.post("/wx/login/phone", null,
				fake().issuePhoneLoginCodes(first, newOpenid(), null, phone)));
		Reply inSecond = eventually(200, () -> this.a.post("/wx/login/phone", null,
				fake().issuePhoneLoginCodes(second, newOpenid(), null, phone)));
		assertThat(inFirst.json().path("user").path("id").asString())
			.isNotEqualTo(inSecond.json().path("user").path("id").asString());
		// the same phone again in the first tenant, on the other instance, is the first tenant's account
		Reply again = this.a.post("/wx/login/phone", null, fake().issuePhoneLoginCodes(first, newOpenid(), null, phone));
		assertThat(again.json().path("user").path("id").asString())
			.isEqualTo(inFirst.json().path("user").path("id").asString());
	}

	@Test
	void logoutOnOneInstanceEndsTheTokenTheOtherServesFromMemory() throws InterruptedException {
		String accessToken = login(this.a, newOpenid()).text("accessToken");
		// verified on both, so each serves it from memory from now on
		assertThat(this.a.get("/api/hello", accessToken).status()).isEqualTo(200);
		assertThat(this.b.get("/api/hello", accessToken).status()).isEqualTo(200);
		assertThat(this.a.post("/wx/logout", accessToken, Map.of()).status()).isEqualTo(204);
		assertThat(this.a.get("/api/hello", accessToken).status()).isEqualTo(401);
		// the other instance learns of it from the revocations it follows (within about a second)
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		int status = this.b.get("/api/hello", accessToken).status();
		while (status != 401 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			status = this.b.get("/api/hello", accessToken).status();
		}
		assertThat(status).isEqualTo(401);
	}

	@Test
	void sessionStartedOnOneInstanceIsHonouredAndEndedOnTheOther() {
		String openid = newOpenid();
		Reply login = login(this.a, openid);
		Reply hello = this.b.get("/api/hello", login.text("accessToken"));
		assertThat(hello.status()).isEqualTo(200);
		assertThat(hello.text("openid")).isEqualTo(openid);
		assertThat(hello.text("userId")).isEqualTo(login.json().path("user").path("id").asString());

		Reply refreshed = this.b.post("/wx/token/refresh", null, Map.of("refreshToken", login.text("refreshToken")));
		assertThat(refreshed.status()).isEqualTo(200);
		String accessToken = refreshed.text("accessToken");
		String refreshToken = refreshed.text("refreshToken");
		assertThat(this.a.get("/api/hello", accessToken).status()).isEqualTo(200);

		Reply logout = this.a.post("/wx/logout", accessToken, Map.of("refreshToken", refreshToken));
		assertThat(logout.status()).isEqualTo(204);
		assertThat(this.b.get("/api/hello", accessToken).status()).isEqualTo(401);
		Reply refusedRefresh = this.b.post("/wx/token/refresh", null, Map.of("refreshToken", refreshToken));
		assertThat(refusedRefresh.status()).isEqualTo(401);
		assertThat(refusedRefresh.code()).isEqualTo("invalid_refresh_token");
	}

	@Test
	void sessionsEndedByTheHostOnOneInstanceAreRefusedOnTheOtherWithinTheRevocationBound() throws InterruptedException {
		String openid = newOpenid();
		Reply phone = login(this.a, openid);
		Reply tablet = login(this.b, openid);
		String userId = phone.json().path("user").path("id").asString();
		// verified on both, so each serves them from memory from now on
		for (Client instance : List.of(this.a, this.b)) {
			assertThat(instance.get("/api/hello", phone.text("accessToken")).status()).isEqualTo(200);
			assertThat(instance.get("/api/hello", tablet.text("accessToken")).status()).isEqualTo(200);
		}
		assertThat(this.instanceA.getBean(WxLoginSessionService.class).endSessions(userId)).hasSize(2);
		long ended = System.nanoTime();
		assertThat(this.a.get("/api/hello", phone.text("accessToken")).status()).isEqualTo(401);
		// the other instance learns of it from the revocations it follows, read every half second
		assertRefusedWithinTheRevocationBound(this.b, tablet.text("accessToken"), ended);
		// the reason travelled with the revocation
		assertThat(this.b.get("/api/hello", tablet.text("accessToken")).text("reason")).isEqualTo("session_revoked");
		for (Reply device : List.of(phone, tablet)) {
			Reply refresh = this.b.post("/wx/token/refresh", null, Map.of("refreshToken", device.text("refreshToken")));
			assertThat(refresh.code()).isEqualTo("invalid_refresh_token");
			assertThat(refresh.text("reason")).isEqualTo("session_revoked");
		}
		// the two sessions' revocations are two entries, which one look of the other instance may split
		assertRefusedWithinTheRevocationBound(this.b, phone.text("accessToken"), ended);
	}

	@Test
	void aTimedBanOnOneInstanceIsHonouredOnTheOtherWithItsEndAndReason() throws InterruptedException {
		String openid = newOpenid();
		Reply login = login(this.a, openid);
		String userId = login.json().path("user").path("id").asString();
		assertThat(this.b.get("/api/hello", login.text("accessToken")).status()).isEqualTo(200);
		Instant until = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MILLIS);
		this.instanceA.getBean(WxAccountManager.class).disable(userId, until, "fraud");
		assertRefusedWithinTheRevocationBound(this.b, login.text("accessToken"), System.nanoTime());
		assertThat(this.b.get("/api/hello", login.text("accessToken")).text("reason")).isEqualTo("account_disabled");
		Reply refresh = this.b.post("/wx/token/refresh", null, Map.of("refreshToken", login.text("refreshToken")));
		assertThat(refresh.text("reason")).isEqualTo("account_disabled");
		Reply again = this.b.post("/wx/login", null, Map.of("code", fake().issueLoginCode(openid)));
		assertThat(again.status()).isEqualTo(403);
		assertThat(again.code()).isEqualTo("account_disabled");
		assertThat(Instant.parse(again.text("until"))).isEqualTo(until);
		assertThat(again.text("banReason")).isEqualTo("fraud");
		this.instanceB.getBean(WxAccountManager.class).enable(userId);
		assertThat(login(this.a, openid).json().path("user").path("id").asString()).isEqualTo(userId);
	}

	@Test
	void deletionOnOneInstanceIsHonouredOnTheOtherAndALoginThereRestoresTheAccount() throws InterruptedException {
		String openid = newOpenid();
		Reply phone = login(this.a, openid);
		Reply tablet = login(this.b, openid);
		String userId = phone.json().path("user").path("id").asString();
		assertThat(this.b.get("/api/hello", tablet.text("accessToken")).status()).isEqualTo(200);

		assertThat(this.a.delete("/wx/me", phone.text("accessToken")).status()).isEqualTo(202);
		long ended = System.nanoTime();

		assertRefusedWithinTheRevocationBound(this.b, tablet.text("accessToken"), ended);
		Reply restored = login(this.b, openid);
		assertThat(restored.json().path("restored").asBoolean()).isTrue();
		assertThat(restored.json().path("user").path("id").asString()).isEqualTo(userId);
		this.instanceB.getBean(WxAccountManager.class).delete(userId);
		assertThat(login(this.a, openid).json().path("newUser").asBoolean()).isTrue();
	}

	@Test
	void mergeOnOneInstanceIsHonouredOnTheOther() throws InterruptedException {
		String phone = Long.toString(13_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L));
		String owner = this.instanceA.getBean(WxAccountManager.class)
			.createAccount(new WxPhone(phone, phone, "86"))
			.id();
		String openid = newOpenid();
		Reply silent = login(this.b, openid);
		assertThat(this.b.get("/api/hello", silent.text("accessToken")).status()).isEqualTo(200);

		Reply merged = this.a.post("/wx/me/merge", silent.text("accessToken"),
				Map.of("code", fake().issuePhoneCode(phone, openid)));
		long ended = System.nanoTime();

		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(merged.json().path("user").path("id").asString()).isEqualTo(owner);
		assertRefusedWithinTheRevocationBound(this.b, silent.text("accessToken"), ended);
		assertThat(this.b.get("/api/hello", merged.text("accessToken")).status()).isEqualTo(200);
		assertThat(login(this.b, openid).json().path("user").path("id").asString()).isEqualTo(owner);
	}

	@Test
	void oneInstanceAtATimePurgesWhatIsDue() throws Exception {
		JdbcClient.create(dataSource()).sql("DELETE FROM wx_lease").update();
		String userId = login(this.a, newOpenid()).json().path("user").path("id").asString();
		this.instanceA.getBean(WxAccountStore.class).scheduleDeletion(userId, java.time.Instant.now());

		ExecutorService executor = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (ConfigurableApplicationContext instance : List.of(this.instanceA, this.instanceB)) {
			runs.add(executor.submit(() -> {
				start.await();
				return instance.getBean(WxAccountPurger.class).purgeDue();
			}));
		}
		start.countDown();
		executor.shutdown();

		// the lease went to one of them, which purged; the other purged nothing
		assertThat(List.of(runs.get(0).get(), runs.get(1).get())).containsOnlyOnce(0);
		assertThat(this.instanceB.getBean(WxAccountStore.class).findAccount(userId)).isEmpty();
	}

	@Test
	void usersAndUnexpiredTokensSurviveARestartOfBothInstances() {
		String openid = newOpenid();
		Reply login = login(this.a, openid);
		restartBothInstances();
		assertThat(this.a.get("/api/hello", login.text("accessToken")).status()).isEqualTo(200);
		Reply refreshed = this.b.post("/wx/token/refresh", null, Map.of("refreshToken", login.text("refreshToken")));
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.json().path("user").path("id").asString())
			.isEqualTo(login.json().path("user").path("id").asString());
		Reply again = login(this.b, openid);
		assertThat(again.json().path("newUser").asBoolean()).isFalse();
		assertThat(again.json().path("user").path("id").asString())
			.isEqualTo(login.json().path("user").path("id").asString());
	}

	@Test
	void refreshTokenSpentOnOneInstanceIsRefusedOnTheOtherAndRevokesItsFamily() {
		Reply login = login(this.b, newOpenid());
		Reply refreshed = this.a.post("/wx/token/refresh", null, Map.of("refreshToken", login.text("refreshToken")));
		assertThat(refreshed.status()).isEqualTo(200);
		// the client got the reply and went on: the first token is no lost reply's retry any more
		Reply later = this.b.post("/wx/token/refresh", null, Map.of("refreshToken", refreshed.text("refreshToken")));
		assertThat(later.status()).isEqualTo(200);
		Reply reused = this.b.post("/wx/token/refresh", null, Map.of("refreshToken", login.text("refreshToken")));
		assertThat(reused.status()).isEqualTo(401);
		Reply successor = this.a.post("/wx/token/refresh", null, Map.of("refreshToken", later.text("refreshToken")));
		assertThat(successor.status()).isEqualTo(401);
	}

	@Test
	void twentyConcurrentSpendsOfOneRefreshTokenOverBothInstancesContinueOneChain() throws Exception {
		String refreshToken = login(this.a, newOpenid()).text("refreshToken");
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				Client instance = (i % 2 == 0) ? this.a : this.b;
				replies.add(pool.submit(() -> {
					start.await();
					return instance.post("/wx/token/refresh", null, Map.of("refreshToken", refreshToken));
				}));
			}
			start.countDown();
			Set<String> successors = new HashSet<>();
			for (Future<Reply> result : replies) {
				Reply reply = result.get();
				// one rotation; the others, within the reuse interval, get its successor: no second branch
				assertThat(reply.status()).as(reply.body()).isEqualTo(200);
				successors.add(reply.text("refreshToken"));
			}
			assertThat(successors).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twentyConcurrentPhoneBindingsOverBothColdInstancesFetchOneAccessToken() throws Exception {
		int users = 20;
		List<String> openids = new ArrayList<>();
		List<String> accessTokens = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			String openid = newOpenid();
			openids.add(openid);
			accessTokens.add(login((i % 2 == 0) ? this.a : this.b, openid).text("accessToken"));
		}
		long firstPhone = 13_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L);
		fake().resetCounts();
		// a slow stable_token widens the window in which both instances find no token
		fake().latency(Duration.ofMillis(100));
		ExecutorService pool = Executors.newFixedThreadPool(users);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < users; i++) {
				Client instance = (i % 2 == 0) ? this.b : this.a;
				String phone = Long.toString(firstPhone + i);
				String code = fake().issuePhoneCode(phone, openids.get(i));
				String accessToken = accessTokens.get(i);
				replies.add(pool.submit(() -> {
					start.await();
					return instance.post("/wx/phone", accessToken, Map.of("code", code));
				}));
			}
			start.countDown();
			for (int i = 0; i < users; i++) {
				Reply reply = replies.get(i).get();
				assertThat(reply.status()).as(reply.body()).isEqualTo(200);
				assertThat(reply.text("phoneNumber")).isEqualTo(Long.toString(firstPhone + i));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
		assertThat(fake().callCount(Api.PHONE_NUMBER)).isEqualTo(users);
	}

	@Test
	void aDeviceEndsAnotherDevicesSessionOnOneInstanceAndTheOtherInstanceRefusesIt() throws InterruptedException {
		String openid = newOpenid();
		Reply phone = login(this.a, openid);
		Reply tablet = login(this.b, openid);
		// verified on the other instance, which serves it from memory from now on
		assertThat(this.b.get("/api/hello", tablet.text("accessToken")).status()).isEqualTo(200);
		JsonNode sessions = this.a.get("/wx/sessions", phone.text("accessToken")).json();
		assertThat(sessions.size()).isEqualTo(2);
		String tabletSession = sessions.valueStream()
			.filter((session) -> !session.path("current").asBoolean())
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		assertThat(this.a.delete("/wx/sessions/" + tabletSession, phone.text("accessToken")).status()).isEqualTo(204);
		assertRefusedWithinTheRevocationBound(this.b, tablet.text("accessToken"), System.nanoTime());
		assertThat(this.b.post("/wx/token/refresh", null, Map.of("refreshToken", tablet.text("refreshToken"))).code())
			.isEqualTo("invalid_refresh_token");
		assertThat(this.b.get("/api/hello", phone.text("accessToken")).status()).isEqualTo(200);

		assertThat(this.b.post("/wx/logout", phone.text("accessToken"), Map.of("all", true)).status()).isEqualTo(204);
		assertRefusedWithinTheRevocationBound(this.a, phone.text("accessToken"), System.nanoTime());
		assertThat(this.a.post("/wx/token/refresh", null, Map.of("refreshToken", phone.text("refreshToken"))).code())
			.isEqualTo("invalid_refresh_token");
	}

	/**
	 * Polls until the instance refuses the token, with a deadline that only a revocation never learnt
	 * reaches; the time it took (about a second: the revocations are read every half second) is printed for
	 * the record, not asserted.
	 */
	private static void assertRefusedWithinTheRevocationBound(Client instance, String accessToken, long ended)
			throws InterruptedException {
		int status = instance.get("/api/hello", accessToken).status();
		while (status != 401 && System.nanoTime() - ended < Duration.ofSeconds(30).toNanos()) {
			Thread.sleep(20);
			status = instance.get("/api/hello", accessToken).status();
		}
		assertThat(status).as("the other instance refused a token of an ended session").isEqualTo(401);
		System.out.printf(Locale.ROOT, "[two-instance] a token of an ended session was refused by the other instance after %d ms%n",
				Duration.ofNanos(System.nanoTime() - ended).toMillis());
	}

	@Test
	void twentyConcurrentPhoneLoginsOfOnePhoneOverBothInstancesEndWithOneAccount() throws Exception {
		int devices = 20;
		String phone = Long.toString(13_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L));
		List<PhoneLoginCodes> codes = new ArrayList<>();
		for (int i = 0; i < devices; i++) {
			codes.add(fake().issuePhoneLoginCodes(newOpenid(), phone));
		}
		ExecutorService pool = Executors.newFixedThreadPool(devices);
		Set<String> userIds = new HashSet<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < devices; i++) {
				Client instance = (i % 2 == 0) ? this.a : this.b;
				PhoneLoginCodes body = codes.get(i);
				replies.add(pool.submit(() -> {
					start.await();
					return instance.post("/wx/login/phone", null, body);
				}));
			}
			start.countDown();
			for (Future<Reply> reply : replies) {
				Reply done = reply.get();
				assertThat(done.status()).as(done.body()).isEqualTo(200);
				userIds.add(done.json().path("user").path("id").asString());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(userIds).hasSize(1);
		assertThat(this.instanceB.getBean(WxAccountManager.class).identities(userIds.iterator().next()))
			.hasSize(devices);
	}

	/**
	 * What a mini program sends to one instance.
	 */
	private static final class Client {

		private final RestClient http;

		Client(ConfigurableApplicationContext instance) {
			int port = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
		}

		Reply get(String path, @Nullable String bearer) {
			return exchange(this.http.get().uri(path).headers((headers) -> bearer(headers, bearer)));
		}

		Reply delete(String path, @Nullable String bearer) {
			return exchange(this.http.delete().uri(path).headers((headers) -> bearer(headers, bearer)));
		}

		Reply post(String path, @Nullable String bearer, Object body) {
			return exchange(this.http.post()
				.uri(path)
				.headers((headers) -> bearer(headers, bearer))
				.contentType(MediaType.APPLICATION_JSON)
				.body(json.writeValueAsString(body)));
		}

		private static void bearer(HttpHeaders headers, @Nullable String token) {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}

		private static Reply exchange(RestClient.RequestHeadersSpec<?> request) {
			return request.exchange((req, res) -> new Reply(res.getStatusCode().value(),
					new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}

	}

	private record Reply(int status, String body) {

		JsonNode json() {
			return json.readTree(this.body);
		}

		String text(String field) {
			return json().path(field).asString();
		}

		String code() {
			return text("code");
		}

	}

}
