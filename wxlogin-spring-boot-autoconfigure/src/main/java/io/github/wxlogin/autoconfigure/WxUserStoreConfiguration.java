package io.github.wxlogin.autoconfigure;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.autoconfigure.WxLoginProperties.UserStore.SchemaInitialization;
import io.github.wxlogin.observability.WxLoginWarmUp;
import io.github.wxlogin.user.InMemoryWxUserService;
import io.github.wxlogin.user.JdbcWxUserService;
import io.github.wxlogin.user.QueuedDataSource;
import io.github.wxlogin.user.WxUserSchemaInitializer;
import io.github.wxlogin.user.WxUserSchemaRuntimeHints;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.metadata.CompositeDataSourcePoolMetadataProvider;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
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
				ObjectProvider<DataSourcePoolMetadataProvider> poolMetadata, ObjectProvider<Clock> clock) {
			JdbcTemplate jdbc = new JdbcTemplate(queued(dataSource, poolMetadata, properties.store()));
			jdbc.setQueryTimeout(queryTimeoutSeconds(properties.store().timeout()));
			return new JdbcWxUserService(jdbc, clock.getIfAvailable(Clock::systemUTC));
		}

		/**
		 * The pool behind a queue of its own size, when its size is known: logins beyond it wait their
		 * turn instead of failing at the pool's connection timeout.
		 */
		static DataSource queued(DataSource dataSource, ObjectProvider<DataSourcePoolMetadataProvider> poolMetadata,
				WxLoginProperties.Store store) {
			DataSourcePoolMetadata pool = poolMetadata(dataSource, poolMetadata);
			Integer size = (pool != null) ? pool.getMax() : null;
			if (size == null || size < 1) {
				logger.debug("The size of the DataSource's pool is not known; the user store does not queue for it");
				return dataSource;
			}
			return new QueuedDataSource(dataSource, size, store.timeout(), store.queueTimeout());
		}

		/** JDBC counts query timeouts in whole seconds: the store timeout, rounded up. */
		static int queryTimeoutSeconds(Duration timeout) {
			return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
		}

		/**
		 * Opens the pool's connections and reads the account tables before the first login needs them:
		 * the pool holds them all at once, so that it has opened as many as it keeps.
		 */
		@Bean
		WxLoginWarmUp.Step wxUserStoreWarmUp(DataSource dataSource, JdbcWxUserService users,
				ObjectProvider<DataSourcePoolMetadataProvider> poolMetadata) {
			return new WxLoginWarmUp.Step("database", () -> {
				List<Connection> held = new ArrayList<>();
				try {
					for (int i = poolMinimum(dataSource, poolMetadata); i > 0; i--) {
						held.add(dataSource.getConnection());
					}
				}
				finally {
					for (Connection connection : held) {
						connection.close();
					}
				}
				return users.findByIdentity("wx-warm-up", "wx-warm-up");
			});
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

		/**
		 * Return how many connections a pool keeps open at least, 1 when that is not known.
		 * @param dataSource the pool
		 * @param poolMetadata what tells the pools' sizes
		 * @return the pool's minimum
		 */
		static int poolMinimum(DataSource dataSource, ObjectProvider<DataSourcePoolMetadataProvider> poolMetadata) {
			DataSourcePoolMetadata pool = poolMetadata(dataSource, poolMetadata);
			Integer min = (pool != null) ? pool.getMin() : null;
			Integer max = (pool != null) ? pool.getMax() : null;
			return (min == null || min < 1) ? 1 : (max != null && max > 0) ? Math.min(min, max) : min;
		}

		private static @Nullable DataSourcePoolMetadata poolMetadata(DataSource dataSource,
				ObjectProvider<DataSourcePoolMetadataProvider> poolMetadata) {
			return new CompositeDataSourcePoolMetadataProvider(poolMetadata.orderedStream().toList())
				.getDataSourcePoolMetadata(dataSource);
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
