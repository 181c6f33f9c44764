package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.observability.WxLoginWarmUp;
import io.github.wxlogin.user.InMemoryWxUserService;
import io.github.wxlogin.user.JdbcWxUserService;
import io.github.wxlogin.user.WxUserSchemaInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WxUserStoreConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class WxUserStoreConfigurationTests {

	private static final String IN_MEMORY_WARNING = "WeChat users are kept in memory";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UserStoreAutoConfiguration.class));

	private final ApplicationContextRunner contextRunnerWithDataSource = this.contextRunner
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.dataSource()))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				// No connection pool on the test class path
				"spring.datasource.type=" + SimpleDriverDataSource.class.getName());

	@Test
	void whenNoDataSourceThenUsersAreKeptInMemoryWithOneWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(WxUserService.class)
				.hasSingleBean(InMemoryWxUserService.class)
				.doesNotHaveBean(WxUserSchemaInitializer.class);
			assertThat(output.getOut().split(IN_MEMORY_WARNING, -1)).hasSize(2);
		});
	}

	@Test
	void whenDataSourceExistsThenUsersAreKeptInWxUserTable(CapturedOutput output) {
		this.contextRunnerWithDataSource.run((context) -> {
			assertThat(context).hasSingleBean(WxUserService.class).hasSingleBean(JdbcWxUserService.class);
			assertThat(userRows(context.getBean(DataSource.class))).isZero();
			WxUserService users = context.getBean(WxUserService.class);
			WxUser user = users.findOrCreate(new WxIdentity("wx-app", "openid-1", null)).user();
			assertThat(userRows(context.getBean(DataSource.class))).isOne();
			assertThat(users.findById(user.id())).contains(user);
			assertThat(output).doesNotContain(IN_MEMORY_WARNING);
		});
	}

	@Test
	void whenDataSourceIsAPoolThenItsConnectionsAreOpenAndTheTablesReadBeforeTheApplicationIsReady() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.dataSource()))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.datasource.hikari.minimum-idle=4", "spring.datasource.hikari.maximum-pool-size=6")
			.run((context) -> {
				assertThat(context).hasSingleBean(WxLoginWarmUp.class);
				HikariPoolMXBean pool = context.getBean(HikariDataSource.class).getHikariPoolMXBean();
				assertThat(pool.getTotalConnections()).isGreaterThanOrEqualTo(4);
			});
	}

	@Test
	void whenUsersAreKeptInMemoryThenNothingIsWarmedUp() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(WxLoginWarmUp.Step.class)
			.hasSingleBean(WxLoginWarmUp.class));
	}

	@Test
	void whenStoreTypeIsMemoryThenDataSourceIsIgnored() {
		this.contextRunnerWithDataSource.withPropertyValues("wx.login.user-store.type=memory").run((context) -> {
			assertThat(context).hasSingleBean(InMemoryWxUserService.class).doesNotHaveBean(WxUserSchemaInitializer.class);
			assertThatExceptionOfType(BadSqlGrammarException.class)
				.isThrownBy(() -> userRows(context.getBean(DataSource.class)));
		});
	}

	@Test
	void whenStoreTypeIsJdbcWithoutDataSourceThenStartupFails() {
		this.contextRunner.withPropertyValues("wx.login.user-store.type=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(DataSource.class.getName()));
	}

	@Test
	void whenSchemaInitializationIsNeverThenNoTableIsCreated() {
		this.contextRunnerWithDataSource.withPropertyValues("wx.login.user-store.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcWxUserService.class);
				assertThatExceptionOfType(BadSqlGrammarException.class)
					.isThrownBy(() -> userRows(context.getBean(DataSource.class)));
			});
	}

	@Test
	void whenHostDefinesUserServiceThenStarterBacksOff(CapturedOutput output) {
		this.contextRunnerWithDataSource.withUserConfiguration(HostUserServiceConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(WxUserService.class)
				.hasBean("hostUserService")
				.doesNotHaveBean(JdbcWxUserService.class)
				.doesNotHaveBean(InMemoryWxUserService.class)
				.doesNotHaveBean(WxUserSchemaInitializer.class);
			assertThat(output).doesNotContain(IN_MEMORY_WARNING);
		});
	}

	@Test
	void whenHostDefinesClockThenUsersAreStampedWithIt() {
		this.contextRunnerWithDataSource.withUserConfiguration(FixedClockConfiguration.class).run((context) -> {
			WxUser user = context.getBean(WxUserService.class)
				.findOrCreate(new WxIdentity("wx-app", "openid-1", null))
				.user();
			assertThat(user.createdAt()).isEqualTo(FixedClockConfiguration.NOW);
		});
	}

	private static int userRows(DataSource dataSource) {
		return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM wx_identity").query(Integer.class).single();
	}

	@AutoConfiguration(
		afterName = { BootAutoConfigurations.DATA_SOURCE_4, BootAutoConfigurations.DATA_SOURCE_3 })
	@EnableConfigurationProperties(WxLoginProperties.class)
	@Import({ WxUserStoreConfiguration.class, WxWarmUpConfiguration.class })
	static class UserStoreAutoConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class HostUserServiceConfiguration {

		@Bean
		WxUserService hostUserService() {
			return new WxUserService() {

				@Override
				public WxUserLogin findOrCreate(WxIdentity identity) {
					throw new UnsupportedOperationException();
				}

				@Override
				public Optional<WxUser> findById(String userId) {
					return Optional.empty();
				}

				@Override
				public WxUser bindPhone(String userId, WxPhone phone) {
					throw WxAccountException.phoneConflict();
				}

				@Override
				public WxUser updateProfile(String userId, WxProfile profile) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FixedClockConfiguration {

		static final Instant NOW = Instant.parse("2025-03-01T08:00:00.123Z");

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
