package io.github.wxlogin.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxTenant;
import io.github.wxlogin.user.JdbcWxUserService;
import io.github.wxlogin.user.WxUserSchemaInitializer;
import io.github.wxlogin.wechat.WxApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JdbcWxAppRegistry} against one database, whose table is created by
 * {@link WxAppSchemaInitializer}; "two instances" are two registries on the same database, each with its
 * own poll. Each test uses AppIDs of its own, and removes their rows. A database that cannot be reached
 * fails the tests.
 */
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class JdbcWxAppRegistryTests {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	/** A guard against a test that would wait forever, not a measure of how fast changes travel. */
	private static final Duration DEADLINE = Duration.ofSeconds(10);

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final String PUSH_TOKEN = "pushToken123";

	private static final String ENCODING_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String PROPERTIES_APPID = "wx00000000000000aa";

	private final AppSecretCipher cipher = new AppSecretCipher(AppSecretCipherTests.randomKey());

	private final List<String> appids = new ArrayList<>();

	private final List<JdbcWxAppRegistry> registries = new ArrayList<>();

	private DataSource dataSource;

	private JdbcClient jdbcClient;

	/**
	 * Connect to the database under test.
	 * @return a data source that serves many connections at once
	 */
	protected abstract DataSource createDataSource();

	@BeforeAll
	void createSchema() {
		this.dataSource = createDataSource();
		this.jdbcClient = JdbcClient.create(this.dataSource);
		// Twice, because every application start runs the script again
		for (int i = 0; i < 2; i++) {
			WxAppSchemaInitializer initializer = new WxAppSchemaInitializer(this.dataSource,
					DatabaseInitializationMode.ALWAYS);
			initializer.setResourceLoader(new DefaultResourceLoader());
			assertThat(initializer.initializeDatabase()).isTrue();
		}
		WxUserSchemaInitializer accounts = new WxUserSchemaInitializer(this.dataSource,
				DatabaseInitializationMode.ALWAYS);
		accounts.setResourceLoader(new DefaultResourceLoader());
		accounts.initializeDatabase();
	}

	@AfterEach
	void stopRegistriesAndDeleteAppsOfThisTest() {
		this.registries.forEach(JdbcWxAppRegistry::stop);
		for (String appid : this.appids) {
			List<String> accountIds = this.jdbcClient.sql("SELECT account_id FROM wx_identity WHERE appid = :appid")
				.param("appid", appid)
				.query(String.class)
				.list();
			this.jdbcClient.sql("DELETE FROM wx_identity WHERE appid = :appid").param("appid", appid).update();
			accountIds.forEach((id) -> this.jdbcClient.sql("DELETE FROM wx_account WHERE id = :id").param("id", id).update());
			this.jdbcClient.sql("DELETE FROM wx_app WHERE appid = :appid").param("appid", appid).update();
		}
	}

	@Test
	void registeredAppIsFoundWithItsSecretTenantAndPushSettings() {
		JdbcWxAppRegistry registry = registry();
		String appid = newAppid();

		WxRegisteredApp registered = registry
			.register(new WxAppRegistration(appid, SECRET, "shop-1", PUSH_TOKEN, ENCODING_AES_KEY, true));

		assertThat(registered.app()).isEqualTo(new WxApp(appid, SECRET, "shop-1"));
		assertThat(registered.enabled()).isTrue();
		assertThat(registered.push()).isNotNull();
		assertThat(registered.push().token()).isEqualTo(PUSH_TOKEN);
		assertThat(registered.push().encodingAesKey()).isEqualTo(ENCODING_AES_KEY);
		assertThat(registered.source()).isEqualTo(WxRegisteredApp.Source.DATABASE);
		assertThat(registry().find(appid)).contains(registered);
		assertThat(registry().list()).contains(registered);
	}

	@Test
	void appWithoutTenantJoinsTheDefaultOne() {
		String appid = newAppid();

		registry().register(new WxAppRegistration(appid, SECRET, null));

		assertThat(registry().find(appid).map(WxRegisteredApp::tenant)).contains(WxTenant.DEFAULT);
	}

	@Test
	void secretsAreKeptEncryptedForTheirOwnRow() {
		String appid = newAppid();
		registry().register(new WxAppRegistration(appid, SECRET, null, PUSH_TOKEN, ENCODING_AES_KEY, true));

		Map<String, Object> row = this.jdbcClient
			.sql("SELECT secret, push_token, push_encoding_aes_key FROM wx_app WHERE appid = :appid")
			.param("appid", appid)
			.query()
			.singleRow();
		assertThat(row.values()).allSatisfy((value) -> assertThat((String) value).startsWith("v1:")
			.doesNotContain(SECRET)
			.doesNotContain(PUSH_TOKEN)
			.doesNotContain(ENCODING_AES_KEY));

		String other = newAppid();
		registry().register(new WxAppRegistration(other, "another-secret", null));
		this.jdbcClient.sql("UPDATE wx_app SET secret = :secret WHERE appid = :appid")
			.param("secret", row.get("secret"))
			.param("appid", other)
			.update();
		assertThatIllegalStateException().isThrownBy(() -> registry().find(other))
			.withMessageContaining("does not decrypt")
			.withMessageNotContaining(SECRET);
	}

	@Test
	void appIsReadFromTheTableOnceAndThenAnsweredFromMemory() {
		JdbcWxAppRegistry registry = registry();
		String appid = newAppid();
		registry().register(new WxAppRegistration(appid, SECRET, null));
		assertThat(registry.find(appid)).isPresent();

		// Behind the registry's back: updated_at does not move, so no poll would tell
		this.jdbcClient.sql("UPDATE wx_app SET enabled = FALSE WHERE appid = :appid").param("appid", appid).update();

		assertThat(registry.find(appid).map(WxRegisteredApp::enabled)).contains(true);
		assertThat(registry().find(appid).map(WxRegisteredApp::enabled)).contains(false);
	}

	@Test
	void unknownAppidIsRememberedRatherThanReadEachTime() {
		AtomicInteger connections = new AtomicInteger();
		JdbcWxAppRegistry registry = registry(new CountingDataSource(this.dataSource, connections), false);
		String appid = newAppid();

		assertThat(registry.find(appid)).isEmpty();
		int afterFirstLookUp = connections.get();
		for (int i = 0; i < 100; i++) {
			assertThat(registry.find(appid)).isEmpty();
		}

		assertThat(afterFirstLookUp).isOne();
		assertThat(connections).hasValue(afterFirstLookUp);
	}

	@Test
	void appidOfAnotherFormIsUnknownWithoutReadingTheTable() {
		AtomicInteger connections = new AtomicInteger();
		JdbcWxAppRegistry checking = registry(new CountingDataSource(this.dataSource, connections), true);
		JdbcWxAppRegistry notChecking = registry(new CountingDataSource(this.dataSource, connections), false);

		assertThat(checking.find("not-an-appid")).isEmpty();
		assertThat(checking.find("WX0000000000000001")).isEmpty();
		assertThat(notChecking.find("x".repeat(65))).isEmpty();
		assertThat(notChecking.find("")).isEmpty();
		assertThat(connections).hasValue(0);
	}

	@Test
	void appsOfThePropertiesAreServedFirstAndNameTheDefault() {
		JdbcWxAppRegistry withoutProperties = new JdbcWxAppRegistry(new JdbcTemplate(this.dataSource), this.cipher,
				new PropertiesWxAppRegistry(Map.of(), null), POLL_INTERVAL, true);
		this.appids.add(PROPERTIES_APPID);
		withoutProperties.register(new WxAppRegistration(PROPERTIES_APPID, "table-secret", "shop-1"));
		String appid = newAppid();
		withoutProperties.register(new WxAppRegistration(appid, SECRET, null));
		assertThat(withoutProperties.defaultAppid()).isEmpty();

		JdbcWxAppRegistry registry = registry();

		assertThat(registry.find(PROPERTIES_APPID).map(WxRegisteredApp::source))
			.contains(WxRegisteredApp.Source.PROPERTIES);
		assertThat(registry.defaultAppid()).contains(PROPERTIES_APPID);
		List<WxRegisteredApp> listed = registry.list();
		assertThat(listed.get(0).source()).isEqualTo(WxRegisteredApp.Source.PROPERTIES);
		assertThat(listed).filteredOn((app) -> app.appid().equals(PROPERTIES_APPID)).hasSize(1);
		assertThat(listed).extracting(WxRegisteredApp::appid).contains(appid);
	}

	@Test
	void appRegisteredTwiceIsRefused() {
		String appid = newAppid();
		registry().register(new WxAppRegistration(appid, SECRET, null));

		assertThatIllegalStateException()
			.isThrownBy(() -> registry().register(new WxAppRegistration(appid, "other-secret", null)));
		assertThat(registry().find(appid).map((app) -> app.app().secret())).contains(SECRET);
	}

	@Test
	void removedAppIsUnknownItsSecretsErasedAndItMayBeRegisteredAgain() {
		JdbcWxAppRegistry registry = registry();
		String appid = newAppid();
		registry.register(new WxAppRegistration(appid, SECRET, "shop-1", PUSH_TOKEN, null, true));
		assertThat(registry.find(appid)).isPresent();

		registry.remove(appid);

		assertThat(registry.find(appid)).isEmpty();
		assertThat(registry().find(appid)).isEmpty();
		assertThat(registry.list()).extracting(WxRegisteredApp::appid).doesNotContain(appid);
		Map<String, Object> row = this.jdbcClient
			.sql("SELECT secret, push_token, push_encoding_aes_key FROM wx_app WHERE appid = :appid")
			.param("appid", appid)
			.query()
			.singleRow();
		assertThat(row.values()).containsOnlyNulls();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> registry.remove(appid));
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> registry.enable(appid));

		registry.register(new WxAppRegistration(appid, "new-secret", "shop-2"));

		assertThat(registry.find(appid).map(WxRegisteredApp::app)).contains(new WxApp(appid, "new-secret", "shop-2"));
		assertThat(registry().find(appid).map(WxRegisteredApp::push)).isEmpty();
	}

	@Test
	void changesAreInForceOnTheInstanceThatMadeThemAtOnce() {
		JdbcWxAppRegistry registry = registry();
		String appid = newAppid();
		registry.register(new WxAppRegistration(appid, SECRET, null));
		assertThat(registry.find(appid)).isPresent();

		assertThat(registry.changeSecret(appid, "rotated-secret").app().secret()).isEqualTo("rotated-secret");
		assertThat(registry.find(appid).map((app) -> app.app().secret())).contains("rotated-secret");
		registry.changePush(appid, PUSH_TOKEN, ENCODING_AES_KEY);
		assertThat(registry.find(appid).map(WxRegisteredApp::push).map((push) -> push.encodingAesKey()))
			.contains(ENCODING_AES_KEY);
		registry.changePush(appid, null, null);
		assertThat(registry.find(appid).map(WxRegisteredApp::push)).isEmpty();
		registry.disable(appid);
		assertThat(registry.find(appid).map(WxRegisteredApp::enabled)).contains(false);
		registry.enable(appid);
		assertThat(registry.find(appid).map(WxRegisteredApp::enabled)).contains(true);
		registry.changeTenant(appid, "shop-9");
		assertThat(registry.find(appid).map(WxRegisteredApp::tenant)).contains("shop-9");
	}

	@Test
	void listenersHearOfEachLocalChangeOnce() {
		JdbcWxAppRegistry registry = registry();
		List<String> changed = new CopyOnWriteArrayList<>();
		registry.onChange(changed::add);
		String appid = newAppid();

		registry.register(new WxAppRegistration(appid, SECRET, null));
		registry.changeSecret(appid, "rotated-secret");
		registry.disable(appid);
		registry.remove(appid);

		assertThat(changed).containsExactly(appid, appid, appid, appid);
	}

	@Test
	void changesOfAnAppTheTableDoesNotHoldAreRefused() {
		JdbcWxAppRegistry registry = registry();
		String appid = newAppid();

		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> registry.changeSecret(appid, SECRET));
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> registry.changePush(appid, null, null));
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> registry.changeTenant(appid, "t"));
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> registry.disable(appid));
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> registry.enable(appid));
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> registry.remove(appid));
	}

	@Test
	void valuesOfTheWrongFormAreRefused() {
		JdbcWxAppRegistry registry = registry();
		String appid = newAppid();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> registry.register(new WxAppRegistration("wx-not-hex", SECRET, null)));
		assertThatIllegalArgumentException().isThrownBy(() -> registry.register(new WxAppRegistration(appid, " ", null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> registry.register(new WxAppRegistration(appid, SECRET, "no spaces please")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> registry.register(new WxAppRegistration(appid, SECRET, null, "x", null, true)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> registry.register(new WxAppRegistration(appid, SECRET, null, null, ENCODING_AES_KEY, true)));
		assertThat(registry.find(appid)).isEmpty();

		registry.register(new WxAppRegistration(appid, SECRET, null));
		assertThatIllegalArgumentException().isThrownBy(() -> registry.changeTenant(appid, "../other"));
		assertThatIllegalArgumentException().isThrownBy(() -> registry.changePush(appid, PUSH_TOKEN, "short"));
		assertThatIllegalArgumentException().isThrownBy(() -> registry.changeSecret(appid, ""));
	}

	@Test
	void appidOfAnyFormIsAcceptedWhenTheFormatIsNotChecked() {
		JdbcWxAppRegistry registry = registry(this.dataSource, false);
		String appid = "test-app-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		this.appids.add(appid);

		registry.register(new WxAppRegistration(appid, SECRET, null));

		assertThat(registry.find(appid)).isPresent();
	}

	@Test
	void appsOfThePropertiesAreReadOnly() {
		JdbcWxAppRegistry registry = registry();

		assertThatIllegalStateException()
			.isThrownBy(() -> registry.register(new WxAppRegistration(PROPERTIES_APPID, SECRET, null)));
		assertThatIllegalStateException().isThrownBy(() -> registry.changeSecret(PROPERTIES_APPID, SECRET));
		assertThatIllegalStateException().isThrownBy(() -> registry.disable(PROPERTIES_APPID));
		assertThatIllegalStateException().isThrownBy(() -> registry.remove(PROPERTIES_APPID));
	}

	@Test
	void tenantOfAnAppThatSignedSomeoneInCannotChange() {
		JdbcWxAppRegistry registry = registry();
		String appid = newAppid();
		registry.register(new WxAppRegistration(appid, SECRET, "shop-1"));
		new JdbcWxUserService(new JdbcTemplate(this.dataSource), Clock.systemUTC())
			.findOrCreate(new WxIdentity(appid, "openid-1", null));

		assertThatIllegalStateException().isThrownBy(() -> registry.changeTenant(appid, "shop-2"))
			.withMessageContaining("tenant");
		assertThat(registry.changeTenant(appid, "shop-1").tenant()).isEqualTo("shop-1");
		assertThat(registry().find(appid).map(WxRegisteredApp::tenant)).contains("shop-1");
	}

	@Test
	void appRegisteredOnOneInstanceIsFoundOnAnother() {
		JdbcWxAppRegistry one = started(registry());
		JdbcWxAppRegistry other = started(registry());
		List<String> changed = new CopyOnWriteArrayList<>();
		other.onChange(changed::add);
		String appid = newAppid();
		assertThat(other.find(appid)).isEmpty();

		one.register(new WxAppRegistration(appid, SECRET, "shop-1"));

		awaitOn(other, appid, (app) -> app.isPresent());
		assertThat(other.find(appid).map(WxRegisteredApp::app)).contains(new WxApp(appid, SECRET, "shop-1"));
		awaitTrue(() -> changed.contains(appid));
	}

	@Test
	void secretRotationDisableAndRemovalReachTheOtherInstance() {
		JdbcWxAppRegistry one = started(registry());
		JdbcWxAppRegistry other = started(registry());
		List<String> changed = new CopyOnWriteArrayList<>();
		other.onChange(changed::add);
		String appid = newAppid();
		one.register(new WxAppRegistration(appid, SECRET, null));
		assertThat(other.find(appid)).isPresent();

		one.changeSecret(appid, "rotated-secret");
		awaitOn(other, appid, (app) -> app.map((found) -> found.app().secret()).orElse("").equals("rotated-secret"));

		one.disable(appid);
		awaitOn(other, appid, (app) -> app.map((found) -> !found.enabled()).orElse(false));

		one.remove(appid);
		awaitOn(other, appid, Optional::isEmpty);
		awaitTrue(() -> changed.size() >= 3);
		// The poll sees each change several times; the listeners hear of it once
		assertThat(changed).containsOnly(appid).hasSizeLessThanOrEqualTo(4);
	}

	@Test
	void pollThatFailsKeepsTheAppsAsTheyWereWarnsOnceAndCatchesUpOnceTheDatabaseAnswers(CapturedOutput output) {
		JdbcWxAppRegistry one = registry();
		AtomicBoolean down = new AtomicBoolean();
		AtomicInteger refused = new AtomicInteger();
		JdbcWxAppRegistry other = started(registry(new FailingDataSource(this.dataSource, down, refused), true));
		String appid = newAppid();
		one.register(new WxAppRegistration(appid, SECRET, null));
		assertThat(other.find(appid)).isPresent();

		down.set(true);
		one.disable(appid);
		awaitTrue(() -> refused.get() >= 5);

		assertThat(other.find(appid).map(WxRegisteredApp::enabled)).contains(true);
		assertThat(output.getOut().split("cannot read table wx_app", -1)).hasSize(2);

		down.set(false);
		awaitOn(other, appid, (app) -> app.map((found) -> !found.enabled()).orElse(false));
		awaitTrue(() -> output.getOut().contains("reads table wx_app again"));
	}

	@Test
	void rowThatNoLongerDecryptsIsDroppedWhileThePollAppliesTheOthers(CapturedOutput output) {
		JdbcWxAppRegistry one = registry();
		JdbcWxAppRegistry other = started(registry());
		String broken = newAppid();
		String rotated = newAppid();
		one.register(new WxAppRegistration(broken, SECRET, null));
		one.register(new WxAppRegistration(rotated, SECRET, null));
		assertThat(other.find(broken)).isPresent();
		assertThat(other.find(rotated)).isPresent();

		one.changeSecret(rotated, "rotated-secret");
		// A value written with another key, stamped as the database stamped the other change
		Object stamp = this.jdbcClient.sql("SELECT updated_at FROM wx_app WHERE appid = :appid")
			.param("appid", rotated)
			.query()
			.singleValue();
		this.jdbcClient
			.sql("UPDATE wx_app SET secret = :secret, version = version + 1, updated_at = :stamp WHERE appid = :appid")
			.param("secret", new AppSecretCipher(AppSecretCipherTests.randomKey()).encrypt(SECRET, broken + "/secret"))
			.param("stamp", stamp)
			.param("appid", broken)
			.update();

		awaitOn(other, rotated, (app) -> app.map((found) -> found.app().secret()).orElse("").equals("rotated-secret"));
		awaitTrue(() -> output.getOut().contains("The app " + broken + " changed in table wx_app but cannot be read"));
		assertThatIllegalStateException().isThrownBy(() -> other.find(broken)).withMessageContaining("does not decrypt");
		assertThat(output.getOut().split("The app " + broken + " changed", -1)).hasSize(2);
	}

	@Test
	void stoppedRegistryNoLongerPolls() {
		AtomicInteger connections = new AtomicInteger();
		JdbcWxAppRegistry registry = started(registry(new CountingDataSource(this.dataSource, connections), true));
		awaitTrue(() -> connections.get() > 0);
		assertThat(registry.isRunning()).isTrue();

		registry.stop();
		int afterStop = connections.get();

		assertThat(registry.isRunning()).isFalse();
		JdbcWxAppRegistry probe = started(registry());
		String appid = newAppid();
		probe.register(new WxAppRegistration(appid, SECRET, null));
		awaitOn(probe, appid, Optional::isPresent);
		assertThat(connections).hasValue(afterStop);
	}

	private JdbcWxAppRegistry registry() {
		return registry(this.dataSource, true);
	}

	private JdbcWxAppRegistry registry(DataSource dataSource, boolean validateAppidFormat) {
		WxRegisteredApp propertiesApp = new WxRegisteredApp(new WxApp(PROPERTIES_APPID, SECRET), true, null,
				WxRegisteredApp.Source.PROPERTIES);
		JdbcWxAppRegistry registry = new JdbcWxAppRegistry(new JdbcTemplate(dataSource), this.cipher,
				new PropertiesWxAppRegistry(Map.of(PROPERTIES_APPID, propertiesApp), PROPERTIES_APPID), POLL_INTERVAL,
				validateAppidFormat);
		this.registries.add(registry);
		return registry;
	}

	private static JdbcWxAppRegistry started(JdbcWxAppRegistry registry) {
		registry.start();
		return registry;
	}

	private String newAppid() {
		String appid = "wx" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		this.appids.add(appid);
		return appid;
	}

	private static void awaitOn(WxAppRegistry registry, String appid,
			java.util.function.Predicate<Optional<WxRegisteredApp>> condition) {
		awaitTrue(() -> condition.test(registry.find(appid)));
	}

	private static void awaitTrue(Supplier<Boolean> condition) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!condition.get()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + DEADLINE);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** Counts the connections taken: each is one visit to the database. */
	private static final class CountingDataSource extends DelegatingDataSource {

		private final AtomicInteger connections;

		CountingDataSource(DataSource dataSource, AtomicInteger connections) {
			super(dataSource);
			this.connections = connections;
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.connections.incrementAndGet();
			return super.getConnection();
		}

	}

	/** A database that stops answering while {@code down} is set. */
	private static final class FailingDataSource extends DelegatingDataSource {

		private final AtomicBoolean down;

		private final AtomicInteger refused;

		FailingDataSource(DataSource dataSource, AtomicBoolean down, AtomicInteger refused) {
			super(dataSource);
			this.down = down;
			this.refused = refused;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.down.get()) {
				this.refused.incrementAndGet();
				throw new SQLException("Connection refused (test)");
			}
			return super.getConnection();
		}

	}

}
