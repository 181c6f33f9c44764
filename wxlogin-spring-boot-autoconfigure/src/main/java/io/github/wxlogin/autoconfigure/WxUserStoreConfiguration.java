package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.autoconfigure.WxLoginProperties.UserStore.SchemaInitialization;
import io.github.wxlogin.user.InMemoryWxUserService;
import io.github.wxlogin.user.JdbcWxUserService;
import io.github.wxlogin.user.WxUserSchemaInitializer;
import io.github.wxlogin.user.WxUserSchemaRuntimeHints;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The {@link WxUserService}: JDBC when {@code wx.login.user-store.type} asks for it or a single
 * {@link DataSource} exists, otherwise in memory. The JDBC configuration is a member class so that it
 * is evaluated before the in-memory fallback below.
 */
@Configuration(proxyBeanMethods = false)
class WxUserStoreConfiguration {

	private static final Log logger = LogFactory.getLog(WxUserStoreConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(WxUserService.class)
	InMemoryWxUserService inMemoryWxUserService(ObjectProvider<Clock> clock) {
		logger.warn("WeChat users are kept in memory and lost on restart. To keep them in the wx_account and wx_identity tables, "
				+ "configure a DataSource (spring.datasource.*) and leave wx.login.user-store.type at auto or set "
				+ "it to jdbc; or declare your own WxUserService bean.");
		return new InMemoryWxUserService(clock.getIfAvailable(Clock::systemUTC));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcClient.class, DataSourceTransactionManager.class, DataSourceScriptDatabaseInitializer.class })
	@ConditionalOnMissingBean(WxUserService.class)
	@Conditional(JdbcUserStoreCondition.class)
	@ImportRuntimeHints(WxUserSchemaRuntimeHints.class)
	static class JdbcUserStoreConfiguration {

		@Bean
		JdbcWxUserService jdbcWxUserService(DataSource dataSource, WxLoginProperties properties,
				ObjectProvider<Clock> clock) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.setQueryTimeout(queryTimeoutSeconds(properties.store().timeout()));
			return new JdbcWxUserService(jdbc, clock.getIfAvailable(Clock::systemUTC));
		}

		/** JDBC counts query timeouts in whole seconds: the store timeout, rounded up. */
		static int queryTimeoutSeconds(Duration timeout) {
			return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
		}

		@Bean
		WxUserSchemaInitializer wxUserSchemaInitializer(DataSource dataSource, WxLoginProperties properties) {
			return new WxUserSchemaInitializer(dataSource, mode(properties.userStore().initializeSchema()));
		}

		private static DatabaseInitializationMode mode(SchemaInitialization initialization) {
			return switch (initialization) {
				case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
				case ALWAYS -> DatabaseInitializationMode.ALWAYS;
				case NEVER -> DatabaseInitializationMode.NEVER;
			};
		}

	}

	/**
	 * Matches when the user store is explicitly JDBC, or left to {@code auto} with a single
	 * {@link DataSource} bean to use.
	 */
	static class JdbcUserStoreCondition extends AnyNestedCondition {

		JdbcUserStoreCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "wx.login.user-store.type", havingValue = "jdbc")
		static class Explicit {

		}

		@ConditionalOnProperty(name = "wx.login.user-store.type", havingValue = "auto", matchIfMissing = true)
		@ConditionalOnSingleCandidate(DataSource.class)
		static class AutoWithSingleDataSource {

		}

	}

}
