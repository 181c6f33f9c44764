package io.github.wxlogin.session;

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
 * The Lua scripts of the Redis session stores are readable in an application compiled ahead of time.
 */
class RedisSessionStoreRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	RedisSessionStoreRuntimeHintsTests() {
		new RedisSessionStoreRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theScriptsOfTheRefreshTokenStoreTheIndexAndTheRevocationsAreRegistered() {
		assertThat(List.of("refresh-token-save.lua", "refresh-token-rotate.lua", "refresh-token-undo-rotation.lua",
				"refresh-family-revoke.lua", "session-index-raise.lua", "revocation-append.lua", "session-touch.lua"))
			.map((script) -> "io/github/wxlogin/session/" + script)
			.allSatisfy((script) -> assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script)
				.accepts(this.hints));
	}

	@Test
	void everyScriptShippedIsRegistered() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/github/wxlogin/session/*.lua");
		assertThat(scripts).hasSizeGreaterThanOrEqualTo(6);
		assertThat(Arrays.stream(scripts).map((script) -> "io/github/wxlogin/session/" + script.getFilename()))
			.allSatisfy((script) -> assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script)
				.accepts(this.hints));
	}

	@Test
	void nothingElseOfTheClassPathIsRegistered() {
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/session/other.txt"))
			.rejects(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/wechat/delete-if-holds.lua"))
			.rejects(this.hints);
	}

}
