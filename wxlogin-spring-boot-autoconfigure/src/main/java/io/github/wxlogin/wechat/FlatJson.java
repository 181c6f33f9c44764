package io.github.wxlogin.wechat;

import java.util.Map;

/**
 * Writes the flat JSON objects a secured call encrypts (text, numbers and booleans), keeping the order of
 * the fields and escaping only what JSON requires, so that the plaintext is what WeChat's guide shows.
 */
final class FlatJson {

	private FlatJson() {
	}

	static String write(Map<String, ?> fields) {
		StringBuilder json = new StringBuilder("{");
		fields.forEach((name, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			string(json, name).append(':');
			if (value instanceof Number || value instanceof Boolean) {
				json.append(value);
			}
			else {
				string(json, String.valueOf(value));
			}
		});
		return json.append('}').toString();
	}

	private static StringBuilder string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append("\\u%04x".formatted((int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

}
