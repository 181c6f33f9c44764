package io.github.wxlogin.autoconfigure;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.wxlogin.aot.InvocationHints;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.javapoet.ClassName;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's ahead-of-time processing of an application with the starter (as a native image build runs it)
 * collects the starter's hints: the user store's scripts, the Redis stores' scripts and the endpoints' request
 * factories.
 */
class WxLoginAotProcessingTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class))
		.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=9f86d081884c7d659a2feaa0c55ad015",
				"wx.login.jwt.hmac-secret=an-hmac-secret-of-at-least-32-bytes-long", "wx.login.store.type=memory");

	@Test
	void withTheJdbcUserStoreTheScriptsAndTheRequestFactoriesAreHinted() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSource.class).prepare((context) -> {
			RuntimeHints hints = processAheadOfTime(context.getSourceApplicationContext());
			assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/user/schema-h2.sql"))
				.accepts(hints);
			assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/user/migrate-wx_user.sql"))
				.accepts(hints);
			assertThat(InvocationHints.invocable(
					Class.forName("io.github.wxlogin.web.LoginRequest").getDeclaredMethod("read", Map.class)))
				.accepts(hints);
		});
	}

	@Test
	void withUsersInMemoryNoScriptIsHinted() {
		this.contextRunner.withPropertyValues("wx.login.user-store.type=memory").prepare((context) -> {
			RuntimeHints hints = processAheadOfTime(context.getSourceApplicationContext());
			assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/user/schema-h2.sql"))
				.rejects(hints);
		});
	}

	@Test
	void withStoresInRedisEveryLuaScriptIsHinted() throws IOException {
		List<String> scripts = luaScripts();
		assertThat(scripts).contains("io/github/wxlogin/session/refresh-token-rotate.lua",
				"io/github/wxlogin/wechat/access-token-invalidate.lua");
		this.contextRunner.withPropertyValues("wx.login.store.type=redis")
			.withUserConfiguration(RedisConnection.class)
			.prepare((context) -> {
				RuntimeHints hints = processAheadOfTime(context.getSourceApplicationContext());
				assertThat(scripts).allSatisfy((script) -> assertThat(
						RuntimeHintsPredicates.resource().forResource(script)).as(script).accepts(hints));
			});
	}

	@Test
	void withStoresInMemoryNoLuaScriptIsHinted() throws IOException {
		List<String> scripts = luaScripts();
		this.contextRunner.prepare((context) -> {
			RuntimeHints hints = processAheadOfTime(context.getSourceApplicationContext());
			assertThat(scripts).isNotEmpty()
				.allSatisfy((script) -> assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script)
					.rejects(hints));
		});
	}

	/** Every Lua script the starter ships, as a class path location. */
	private static List<String> luaScripts() throws IOException {
		String root = "io/github/wxlogin/";
		return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + "**/*.lua"))
			.map((script) -> {
				try {
					String url = script.getURL().toString();
					return url.substring(url.lastIndexOf(root));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			})
			.toList();
	}

	private static RuntimeHints processAheadOfTime(Object context) {
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(
						ClassName.get(WxLoginAotProcessingTests.class.getPackageName(), "AotTestApplication")),
				new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime((GenericApplicationContext) context, generation);
		return generation.getRuntimeHints();
	}

	@Configuration(proxyBeanMethods = false)
	static class RedisConnection {

		@Bean
		RedisConnectionFactory redisConnectionFactory() {
			// never started: ahead-of-time processing reads bean definitions only
			return new LettuceConnectionFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmbeddedDataSource {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
		}

	}

}
