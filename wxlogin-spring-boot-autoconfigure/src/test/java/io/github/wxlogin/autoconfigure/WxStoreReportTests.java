package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.redis.LocalRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The INFO line that says where the starter keeps its state and its users, and why.
 */
@ExtendWith(OutputCaptureExtension.class)
class WxStoreReportTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
		.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=9f86d081884c7d659a2feaa0c55ad015",
				"wx.login.store.redis.key-prefix=" + LocalRedis.uniqueKeyPrefix(WxStoreReportTests.class));

	@Test
	void withNeitherRedisNorADataSourceEverythingIsInMemoryAndTheLineSaysHowToChangeIt(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output).containsOnlyOnce("WeChat login stores: memory (no "
				+ "RedisConnectionFactory bean; add Spring Data Redis to share them between instances); users: memory "
				+ "(no DataSource bean; configure spring.datasource.* to keep them in the wx_account and wx_identity tables)"));
	}

	@Test
	void whenARedisConnectionFactoryExistsTheLineSaysRedisAndHowToKeepThemInMemory(CapturedOutput output) {
		this.contextRunner.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.redis()))
			.withPropertyValues("spring.data.redis.host=" + LocalRedis.HOST, "spring.data.redis.port=" + LocalRedis.PORT)
			.run((context) -> assertThat(output).contains("WeChat login stores: redis (a RedisConnectionFactory bean "
					+ "exists; set wx.login.store.type=memory to keep them in memory)"));
	}

	@Test
	void whenTheStoreIsChosenByPropertyTheLineNamesTheProperty(CapturedOutput output) {
		this.contextRunner.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.redis()))
			.withPropertyValues("wx.login.store.type=memory", "wx.login.user-store.type=memory")
			.run((context) -> assertThat(output).contains(
					"WeChat login stores: memory (wx.login.store.type=memory); users: memory (wx.login.user-store.type=memory)"));
	}

	@Test
	void whenADataSourceExistsTheLineSaysJdbcAndHowToKeepUsersInMemory(CapturedOutput output) {
		this.contextRunner.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.dataSource()))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:store-report;DB_CLOSE_DELAY=-1",
					// No connection pool on the test class path
					"spring.datasource.type=" + SimpleDriverDataSource.class.getName())
			.run((context) -> assertThat(output).contains("users: jdbc (a DataSource bean exists; set "
					+ "wx.login.user-store.type=memory to keep them in memory)"));
	}

	@Test
	void whenTheApplicationHasItsOwnUserServiceTheLineSaysSo(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(OwnUsers.class)
			.run((context) -> assertThat(output).contains("users: the application's own (" + WxLoginAutoConfigurationTests.HostUsers.class.getName()));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnUsers {

		@Bean
		WxUserService users() {
			return new WxLoginAutoConfigurationTests.HostUsers();
		}

	}

}
