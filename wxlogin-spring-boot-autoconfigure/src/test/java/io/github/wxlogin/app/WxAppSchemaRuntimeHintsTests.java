package io.github.wxlogin.app;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripts of the JDBC app registry are readable in an application compiled ahead of time.
 */
class WxAppSchemaRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	WxAppSchemaRuntimeHintsTests() {
		new WxAppSchemaRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theSchemaOfEachDatabaseIsRegistered() {
		assertThat(List.of("io/github/wxlogin/app/schema-h2.sql", "io/github/wxlogin/app/schema-postgresql.sql",
				"io/github/wxlogin/app/schema-mysql.sql"))
			.allSatisfy((script) -> assertThat(getClass().getClassLoader().getResource(script)).as(script).isNotNull())
			.allSatisfy((script) -> assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script)
				.accepts(this.hints));
	}

	@Test
	void nothingElseOfTheClassPathIsRegistered() {
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/app/other.txt")).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/user/schema-h2.sql"))
			.rejects(this.hints);
	}

}
