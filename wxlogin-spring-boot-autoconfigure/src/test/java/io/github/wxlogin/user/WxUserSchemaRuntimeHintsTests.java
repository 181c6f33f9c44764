package io.github.wxlogin.user;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripts of the JDBC user store are readable in an application compiled ahead of time.
 */
class WxUserSchemaRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	WxUserSchemaRuntimeHintsTests() {
		new WxUserSchemaRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theSchemaOfEachDatabaseAndTheMigrationAreRegistered() {
		assertThat(List.of("io/github/wxlogin/user/schema-h2.sql", "io/github/wxlogin/user/schema-postgresql.sql",
				"io/github/wxlogin/user/schema-mysql.sql", WxUserTableMigration.SCRIPT,
				"io/github/wxlogin/user/migrate-ban-h2.sql", "io/github/wxlogin/user/migrate-ban-postgresql.sql",
				"io/github/wxlogin/user/migrate-ban-mysql.sql"))
			.allSatisfy((script) -> assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script)
				.accepts(this.hints));
	}

	@Test
	void everyScriptShippedIsRegistered() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/github/wxlogin/user/*.sql");
		assertThat(scripts).hasSizeGreaterThanOrEqualTo(4);
		assertThat(Arrays.stream(scripts).map((script) -> "io/github/wxlogin/user/" + script.getFilename()))
			.allSatisfy((script) -> assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script)
				.accepts(this.hints));
	}

	@Test
	void nothingElseOfTheClassPathIsRegistered() {
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/user/other.txt"))
			.rejects(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("schema.sql")).rejects(this.hints);
	}

}
