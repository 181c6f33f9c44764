package io.github.wxlogin.test;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON of the fake's requests and replies.
 */
final class Json {

	// WeChat leaves absent fields out (unionid) and signs rawData as written, so keep both
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private Json() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * Parse a request body; an empty body reads as an empty object.
	 * @param body the body text
	 * @return the JSON tree
	 * @throws WeChatApiError 47001 when the body is not a JSON object
	 */
	static JsonNode readObject(String body) {
		if (body.isBlank()) {
			return MAPPER.createObjectNode();
		}
		try {
			JsonNode node = MAPPER.readTree(body);
			if (node == null || !node.isObject()) {
				throw new WeChatApiError(47001);
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new WeChatApiError(47001);
		}
	}

}
