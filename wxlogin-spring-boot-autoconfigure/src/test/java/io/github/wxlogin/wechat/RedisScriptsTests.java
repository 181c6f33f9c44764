package io.github.wxlogin.wechat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Lua scripts of the Redis access-token provider are read from the class path, each saying what it does.
 */
class RedisScriptsTests {

	@Test
	void aScriptIsTheTextOfItsResourceWithItsReplyType() throws IOException {
		RedisScript<Long> script = RedisScripts.load("delete-if-holds.lua", Long.class);
		assertThat(script.getScriptAsString()).isEqualTo(new PathMatchingResourcePatternResolver()
			.getResource("classpath:io/github/wxlogin/wechat/delete-if-holds.lua")
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(script.getResultType()).isEqualTo(Long.class);
	}

	@Test
	void aScriptMissingFromTheClassPathFailsNamingIt() {
		assertThatIllegalStateException().isThrownBy(() -> RedisScripts.load("missing.lua", Long.class))
			.withMessageContaining("io/github/wxlogin/wechat/missing.lua");
	}

	@Test
	void everyScriptSaysWhatItDoesItsKeysAndArguments() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/github/wxlogin/wechat/*.lua");
		assertThat(scripts).isNotEmpty().allSatisfy((script) -> {
			String text = script.getContentAsString(StandardCharsets.UTF_8);
			assertThat(text).as(script.getFilename()).startsWith("-- ").contains("\n-- KEYS: ", "\n-- ARGV: ");
		});
	}

}
