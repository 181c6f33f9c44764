package io.github.wxlogin.wechat;

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
 * The Lua scripts of the Redis access-token provider are readable in an application compiled ahead of time.
 */
class RedisWxAccessTokenRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	RedisWxAccessTokenRuntimeHintsTests() {
		new RedisWxAccessTokenRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theScriptsOfTheLockAndTheInvalidationAreRegistered() {
		assertThat(List.of("delete-if-holds.lua", "access-token-invalidate.lua"))
			.map((script) -> "io/github/wxlogin/wechat/" + script)
			.allSatisfy((script) -> assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script)
				.accepts(this.hints));
	}

	@Test
	void everyScriptShippedIsRegistered() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/github/wxlogin/wechat/*.lua");
		assertThat(scripts).hasSizeGreaterThanOrEqualTo(2);
		assertThat(Arrays.stream(scripts).map((script) -> "io/github/wxlogin/wechat/" + script.getFilename()))
			.allSatisfy((script) -> assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script)
				.accepts(this.hints));
	}

	@Test
	void nothingElseOfTheClassPathIsRegistered() {
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/wechat/other.txt"))
			.rejects(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/wxlogin/session/refresh-token-rotate.lua"))
			.rejects(this.hints);
	}

}
