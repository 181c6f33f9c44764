package io.github.wxlogin.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configuration metadata that IDEs show: every property of the contract, each with a
 * description and its default.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionThatStartsWithACapital() throws IOException {
		metadata().forEach((name, property) -> {
			String description = property.path("description").asString("");
			assertThat(description).as(name).isNotBlank();
			assertThat(Character.isUpperCase(description.charAt(0)) || description.startsWith("\"")).as(name).isTrue();
		});
	}

	@Test
	void contractsPropertiesAreListedWithTheirDefaults() throws IOException {
		Map<String, JsonNode> metadata = metadata();
		Map<String, String> defaults = Map.ofEntries(Map.entry("wx.login.enabled", "true"),
				Map.entry("wx.login.api-base-url", "https://api.weixin.qq.com"),
				Map.entry("wx.login.connect-timeout", "2s"), Map.entry("wx.login.read-timeout", "5s"),
				Map.entry("wx.login.endpoints.base-path", "/wx"), Map.entry("wx.login.jwt.issuer", "wxlogin"),
				Map.entry("wx.login.jwt.access-token-ttl", "2h"), Map.entry("wx.login.jwt.refresh-token-ttl", "30d"),
				Map.entry("wx.login.jwt.clock-skew", "30s"), Map.entry("wx.login.jwt.refresh-reuse-interval", "10s"),
				Map.entry("wx.login.access-token.refresh-ahead", "5m"),
				Map.entry("wx.login.store.type", "auto"), Map.entry("wx.login.store.redis.key-prefix", "wxlogin:"),
				Map.entry("wx.login.user-store.type", "auto"),
				Map.entry("wx.login.user-store.initialize-schema", "embedded"),
				Map.entry("wx.login.security.enabled", "true"), Map.entry("wx.login.profile.content-check", "false"),
				Map.entry("wx.login.accounts.deletion-grace-period", "7d"),
				Map.entry("wx.login.accounts.purge-interval", "1m"),
				Map.entry("wx.login.accounts.phone-conflict", "refuse"));
		defaults.forEach((name, value) -> {
			assertThat(metadata).as(name).containsKey(name);
			assertThat(metadata.get(name).path("defaultValue").asString()).as(name).isEqualTo(value);
		});
		assertThat(metadata).containsKeys("wx.login.appid", "wx.login.secret", "wx.login.jwt.audience",
				"wx.login.jwt.hmac-secret", "wx.login.jwt.private-key-location", "wx.login.jwt.public-key-location",
				"wx.login.jwt.key-id");
	}

	private static Map<String, JsonNode> metadata() throws IOException {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			Map<String, JsonNode> properties = new HashMap<>();
			for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
				properties.put(property.path("name").asString(), property);
			}
			return properties;
		}
	}

}
