package io.github.wxlogin.autoconfigure;

import java.util.Map;

import javax.sql.DataSource;

import io.github.wxlogin.app.AppSecretCipher;
import io.github.wxlogin.app.JdbcWxAppRegistry;
import io.github.wxlogin.app.PropertiesWxAppRegistry;
import io.github.wxlogin.app.WxAppManager;
import io.github.wxlogin.app.WxAppRegistry;
import io.github.wxlogin.app.WxAppSchemaInitializer;
import io.github.wxlogin.app.WxAppSchemaRuntimeHints;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

/**
 * The app registry of {@code wx.login.app-registry.type=jdbc}: the apps of the properties, then those of
 * the {@code wx_app} table, which the same bean changes as the {@link WxAppManager}. Imported before
 * {@link WxApiConfiguration}, whose registry of the properties alone backs off when this one is defined.
 * One bean is both, so that whoever asks for a {@link WxAppRegistry} or a {@link WxAppManager} has one
 * to choose.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wx.login.app-registry.type", havingValue = "jdbc")
class WxAppRegistryConfiguration {

	private static final String TYPE = "wx.login.app-registry.type";

	private static final String ENCRYPTION_KEY = "wx.login.app-registry.encryption-key";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.jdbc.core.JdbcTemplate",
			"org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer" })
	@ImportRuntimeHints(WxAppSchemaRuntimeHints.class)
	static class JdbcAppRegistryConfiguration {

		@Bean
		WxAppSchemaInitializer wxAppSchemaInitializer(ObjectProvider<DataSource> dataSource,
				WxLoginProperties properties) {
			return new WxAppSchemaInitializer(requireDataSource(dataSource),
					mode(properties.userStore().initializeSchema()));
		}

		/**
		 * The properties' apps, then the table's, and the back office's API over the latter. Named as the
		 * registry of the properties alone would be, which then backs off. It waits for the schema
		 * initializer, so that the table exists when the poll first reads it.
		 */
		@Bean
		JdbcWxAppRegistry wxAppRegistry(ObjectProvider<DataSource> dataSource, WxLoginProperties properties,
				WxAppSchemaInitializer schema) {
			WxLoginProperties.AppRegistry registry = properties.appRegistry();
			AppSecretCipher cipher = cipher(registry.encryptionKey());
			JdbcTemplate jdbc = new JdbcTemplate(requireDataSource(dataSource));
			jdbc.setQueryTimeout(
					WxUserStoreConfiguration.JdbcUserStoreConfiguration.queryTimeoutSeconds(properties.store().timeout()));
			return new JdbcWxAppRegistry(jdbc, cipher, propertiesApps(properties), registry.pollInterval(),
					properties.validateAppidFormat());
		}

		/**
		 * The apps of the properties; with a table, a back end may have none there, and logins then name
		 * their app.
		 */
		static PropertiesWxAppRegistry propertiesApps(WxLoginProperties properties) {
			boolean none = !StringUtils.hasText(properties.appid()) && !StringUtils.hasText(properties.secret())
					&& (properties.apps() == null || properties.apps().isEmpty());
			return none ? new PropertiesWxAppRegistry(Map.of(), null) : WxApiConfiguration.propertiesRegistry(properties);
		}

		private static DatabaseInitializationMode mode(WxLoginProperties.UserStore.SchemaInitialization initialization) {
			return switch (initialization) {
				case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
				case ALWAYS -> DatabaseInitializationMode.ALWAYS;
				case NEVER -> DatabaseInitializationMode.NEVER;
			};
		}

		private static DataSource requireDataSource(ObjectProvider<DataSource> dataSource) {
			DataSource unique = dataSource.getIfUnique();
			if (unique == null) {
				throw new WxLoginPropertyException(TYPE, "is jdbc, but the application has no single DataSource",
						"Configure the database that keeps the wx_app table (spring.datasource.url and its "
								+ "driver, or one DataSource bean, marked @Primary among several), or set '" + TYPE
								+ "=properties' to serve the apps of the properties only.");
			}
			return unique;
		}

	}

	/**
	 * Without Spring JDBC the table cannot be read: say so rather than start without the apps asked for.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.jdbc.core.JdbcTemplate")
	static class NoJdbcConfiguration {

		NoJdbcConfiguration() {
			throw new WxLoginPropertyException(TYPE, "is jdbc, but Spring JDBC is not on the class path",
					"Add spring-boot-starter-jdbc and the database's driver to the application, or set '" + TYPE
							+ "=properties'.");
		}

	}

	/**
	 * Return the cipher of the table's secrets.
	 * @param encryptionKey the property's value
	 * @return the cipher
	 * @throws WxLoginPropertyException if the key is not set or not a good AES-256 key; the message never
	 * holds the key
	 */
	static AppSecretCipher cipher(@Nullable String encryptionKey) {
		String variable = UnresolvedPlaceholder.variableIn(encryptionKey);
		if (variable != null) {
			throw UnresolvedPlaceholder.failure(ENCRYPTION_KEY, variable);
		}
		String howToMakeOne = "Set '" + ENCRYPTION_KEY + "' to the Base64 of 32 random bytes, made with "
				+ "'openssl rand -base64 32', the same on every instance, for example as the environment variable "
				+ "WX_LOGIN_APPREGISTRY_ENCRYPTIONKEY. Keep it out of the repository and keep a copy: it decrypts "
				+ "the AppSecrets kept in the wx_app table.";
		if (!StringUtils.hasText(encryptionKey)) {
			throw new WxLoginPropertyException(ENCRYPTION_KEY, "is not set, and the wx_app table keeps its "
					+ "secrets encrypted with it", howToMakeOne);
		}
		try {
			return AppSecretCipher.fromBase64(encryptionKey);
		}
		catch (IllegalArgumentException ex) {
			throw new WxLoginPropertyException(ENCRYPTION_KEY, "is not an AES-256 key: " + ex.getMessage(),
					howToMakeOne);
		}
	}

}
