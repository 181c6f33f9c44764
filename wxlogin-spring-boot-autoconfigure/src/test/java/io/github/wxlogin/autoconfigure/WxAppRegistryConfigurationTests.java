package io.github.wxlogin.autoconfigure;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.wxlogin.app.JdbcWxAppRegistry;
import io.github.wxlogin.app.WxAppManager;
import io.github.wxlogin.app.WxAppRegistration;
import io.github.wxlogin.app.WxAppRegistry;
import io.github.wxlogin.app.WxAppSchemaInitializer;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.app.WxRegisteredApp;
import io.github.wxlogin.wechat.WxApp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link WxAppRegistryConfiguration}.
 */
class WxAppRegistryConfigurationTests {

	private static final String PROPERTIES_APPID = "wx00000000000000aa";

	private static final String KEY = Base64.getEncoder().encodeToString(randomBytes());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AppRegistryAutoConfiguration.class))
		.withPropertyValues("wx.login.appid=" + PROPERTIES_APPID, "wx.login.secret=properties-secret");

	private final ApplicationContextRunner withDataSource = this.contextRunner
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.dataSource()))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.type=" + SimpleDriverDataSource.class.getName());

	@Test
	void whenTypeIsNotSetThenOnlyThePropertiesServeApps() {
		this.withDataSource.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(JdbcWxAppRegistry.class)
			.doesNotHaveBean(WxAppManager.class)
			.doesNotHaveBean(WxAppSchemaInitializer.class));
	}

	@Test
	void whenTypeIsJdbcThenTheTableServesAppsAfterThoseOfTheProperties() {
		this.withDataSource.withPropertyValues("wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + KEY)
			.run((context) -> {
				assertThat(context).hasSingleBean(WxAppRegistry.class).hasSingleBean(WxAppManager.class);
				WxAppRegistry apps = context.getBean(WxAppRegistry.class);
				assertThat(apps).isInstanceOf(JdbcWxAppRegistry.class).isSameAs(context.getBean(WxAppManager.class));
				assertThat(context.getBean("wxAppRegistry")).isSameAs(apps);

				WxAppManager manager = context.getBean(WxAppManager.class);
				manager.register(new WxAppRegistration("wx00000000000000bb", "table-secret", "shop-1"));

				assertThat(apps.find("wx00000000000000bb").map(WxRegisteredApp::app))
					.contains(new WxApp("wx00000000000000bb", "table-secret", "shop-1"));
				assertThat(apps.find(PROPERTIES_APPID).map(WxRegisteredApp::app))
					.contains(new WxApp(PROPERTIES_APPID, "properties-secret"));
				assertThat(apps.find(PROPERTIES_APPID).map(WxRegisteredApp::source))
					.contains(WxRegisteredApp.Source.PROPERTIES);
				assertThat(apps.defaultAppid()).contains(PROPERTIES_APPID);
				assertThat(apps.list()).extracting(WxRegisteredApp::appid)
					.containsExactly(PROPERTIES_APPID, "wx00000000000000bb");
				assertThat(JdbcClient.create(context.getBean(DataSource.class))
					.sql("SELECT secret FROM wx_app WHERE appid = 'wx00000000000000bb'")
					.query(String.class)
					.single()).startsWith("v1:").doesNotContain("table-secret");
			});
	}

	@Test
	void whenTypeIsJdbcThenTheTableMayServeEveryApp() {
		this.withDataSource
			.withPropertyValues("wx.login.appid=", "wx.login.secret=", "wx.login.app-registry.type=jdbc",
					"wx.login.app-registry.encryption-key=" + KEY)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WxAppRegistry apps = context.getBean(WxAppRegistry.class);
				assertThat(apps.defaultAppid()).isEmpty();
				context.getBean(WxAppManager.class).register(new WxAppRegistration("wx00000000000000cc", "secret", null));
				assertThat(apps.list()).extracting(WxRegisteredApp::appid).containsExactly("wx00000000000000cc");
			});
	}

	@Test
	void whenTheWholeStarterRunsWithTypeJdbcThenItsAppsAreReadFromTheTable() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.dataSource(), WxLoginAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.datasource.type=" + SimpleDriverDataSource.class.getName(),
					"wx.login.appid=" + PROPERTIES_APPID, "wx.login.secret=properties-secret",
					"wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + KEY)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(WxAppRegistry.class).hasSingleBean(WxAppManager.class);
				WxApps apps = context.getBean(WxApps.class);
				assertThat(apps.registry()).isSameAs(context.getBean(JdbcWxAppRegistry.class));
				context.getBean(WxAppManager.class).register(new WxAppRegistration("wx00000000000000dd", "secret", "t1"));
				assertThat(apps.find("wx00000000000000dd")).contains(new WxApp("wx00000000000000dd", "secret", "t1"));
				assertThat(apps.defaultAppid()).contains(PROPERTIES_APPID);
			});
	}

	@Test
	void whenTheWholeStarterRunsWithoutTypeThenNoTableIsRead() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.dataSource(), WxLoginAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.datasource.type=" + SimpleDriverDataSource.class.getName(),
					"wx.login.appid=" + PROPERTIES_APPID, "wx.login.secret=properties-secret")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(WxAppRegistry.class)
				.doesNotHaveBean(WxAppManager.class)
				.doesNotHaveBean(JdbcWxAppRegistry.class));
	}

	@Test
	void whenTypeIsJdbcThenAppsOfThePropertiesAreReadOnlyThroughTheManager() {
		this.withDataSource.withPropertyValues("wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + KEY)
			.run((context) -> {
				WxAppManager manager = context.getBean(WxAppManager.class);
				assertThatIllegalStateException()
					.isThrownBy(() -> manager.register(new WxAppRegistration(PROPERTIES_APPID, "secret", null)))
					.withMessageContaining("properties");
				assertThatIllegalStateException().isThrownBy(() -> manager.changeSecret(PROPERTIES_APPID, "secret"));
				assertThatIllegalStateException().isThrownBy(() -> manager.disable(PROPERTIES_APPID));
				assertThatIllegalStateException().isThrownBy(() -> manager.remove(PROPERTIES_APPID));
			});
	}

	@Test
	void registryPollsWhileTheApplicationRunsAndStopsWithIt() {
		this.withDataSource.withPropertyValues("wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + KEY)
			.run((context) -> {
				JdbcWxAppRegistry registry = context.getBean(JdbcWxAppRegistry.class);
				assertThat(registry.isRunning()).isTrue();
				((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
				assertThat(registry.isRunning()).isFalse();
			});
	}

	@Test
	void whenSchemaInitializationIsOffThenTheTableIsNotCreated() {
		this.withDataSource
			.withPropertyValues("wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + KEY,
					"wx.login.user-store.initialize-schema=never")
			.run((context) -> assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'wx_app'",
						Integer.class))
				.isZero());
	}

	@Test
	void whenTypeIsJdbcWithoutKeyThenStartUpFailsSayingHowToMakeOne() {
		this.withDataSource.withPropertyValues("wx.login.app-registry.type=jdbc").run((context) -> {
			assertThat(context).hasFailed();
			WxLoginPropertyException failure = propertyFailure(context.getStartupFailure());
			assertThat(failure.getProperty()).isEqualTo("wx.login.app-registry.encryption-key");
			assertThat(failure.getMessage()).contains("is not set");
			assertThat(failure.getAction()).contains("openssl rand -base64 32");
			FailureAnalysis analysis = new WxLoginFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("wx.login.app-registry.encryption-key");
			assertThat(analysis.getAction()).contains("openssl rand -base64 32");
		});
	}

	@Test
	void whenKeyIsNotRandomThenStartUpFailsWithoutShowingIt() {
		String weak = Base64.getEncoder().encodeToString("my-password-my-password-my-passw".getBytes());
		this.withDataSource
			.withPropertyValues("wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + weak)
			.run((context) -> {
				assertThat(context).hasFailed();
				WxLoginPropertyException failure = propertyFailure(context.getStartupFailure());
				assertThat(failure.getProperty()).isEqualTo("wx.login.app-registry.encryption-key");
				assertThat(failure.getMessage()).contains("not random").doesNotContain(weak);
				assertThat(failure.getAction()).contains("openssl rand -base64 32");
			});
	}

	@Test
	void whenKeyHasTheWrongLengthThenStartUpFails() {
		String short16 = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(randomBytes(), 16));
		this.withDataSource
			.withPropertyValues("wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + short16)
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()).getMessage())
				.contains("16 bytes, not 32"));
	}

	@Test
	void whenKeyRefersToAnUndefinedVariableThenStartUpFailsNamingIt() {
		this.withDataSource
			.withPropertyValues("wx.login.app-registry.type=jdbc",
					"wx.login.app-registry.encryption-key=${WX_APP_KEY_NOT_DEFINED}")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()).getMessage())
				.contains("WX_APP_KEY_NOT_DEFINED"));
	}

	@Test
	void whenTypeIsJdbcWithoutDataSourceThenStartUpFails() {
		this.contextRunner.withPropertyValues("wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + KEY)
			.run((context) -> {
				assertThat(context).hasFailed();
				WxLoginPropertyException failure = propertyFailure(context.getStartupFailure());
				assertThat(failure.getProperty()).isEqualTo("wx.login.app-registry.type");
				assertThat(failure.getMessage()).contains("no single DataSource");
				assertThat(failure.getAction()).contains("spring.datasource.url");
			});
	}

	@Test
	void whenTypeIsJdbcWithoutSpringJdbcThenStartUpFails() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.withPropertyValues("wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + KEY)
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()).getMessage())
				.contains("Spring JDBC"));
	}

	@Test
	void whenPollIntervalIsNotPositiveThenStartUpFails() {
		this.withDataSource
			.withPropertyValues("wx.login.app-registry.type=jdbc", "wx.login.app-registry.encryption-key=" + KEY,
					"wx.login.app-registry.poll-interval=0s")
			.run((context) -> assertThat(propertyFailure(context.getStartupFailure()).getProperty())
				.isEqualTo("wx.login.app-registry.poll-interval"));
	}

	@Test
	void keyIsNotInThePropertiesToString() {
		this.withDataSource.withPropertyValues("wx.login.app-registry.encryption-key=" + KEY)
			.run((context) -> assertThat(context.getBean(WxLoginProperties.class).appRegistry().toString())
				.doesNotContain(KEY));
	}

	private static WxLoginPropertyException propertyFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof WxLoginPropertyException propertyException) {
				return propertyException;
			}
		}
		throw new AssertionError("not a property failure: " + failure, failure);
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	@AutoConfiguration(afterName = { BootAutoConfigurations.DATA_SOURCE_4, BootAutoConfigurations.DATA_SOURCE_3 })
	@EnableConfigurationProperties(WxLoginProperties.class)
	@Import(WxAppRegistryConfiguration.class)
	static class AppRegistryAutoConfiguration {

	}

}
