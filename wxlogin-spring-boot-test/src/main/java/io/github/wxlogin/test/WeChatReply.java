package io.github.wxlogin.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An HTTP reply of the fake server.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header
 * @param body the body text
 * @param headers the other headers, such as those of API security
 */
record WeChatReply(int status, String contentType, String body, Map<String, String> headers) {

	WeChatReply(int status, String contentType, String body) {
		this(status, contentType, body, Map.of());
	}

	static final String JSON = "application/json; encoding=utf-8";

	static final String TEXT = "text/plain";

	static WeChatReply json(Object body) {
		return new WeChatReply(200, JSON, Json.write(body));
	}

	/**
	 * A business error inside HTTP 200, with the request-id suffix WeChat adds to every
	 * {@code errmsg}.
	 * @param errcode the error code
	 * @return the reply
	 */
	static WeChatReply error(int errcode) {
		String errmsg = ErrorMessages.of(errcode) + ", rid: " + rid();
		return new WeChatReply(200, JSON, Json.write(new ErrcodeBody(errcode, errmsg)));
	}

	static WeChatReply notFound() {
		return new WeChatReply(404, JSON, Json.write(new ErrcodeBody(404, "not found, rid: " + rid())));
	}

	WeChatReply withContentType(String contentType) {
		return new WeChatReply(this.status, contentType, this.body, this.headers);
	}

	WeChatReply withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new WeChatReply(this.status, this.contentType, this.body, Map.copyOf(headers));
	}

	/**
	 * A request id shaped like WeChat's, e.g. {@code 6129ee10-272863a4-64d75414}.
	 * @return the request id
	 */
	static String rid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "%08x-%08x-%08x".formatted(random.nextInt(), random.nextInt(), random.nextInt());
	}

	record ErrcodeBody(int errcode, String errmsg) {
	}

}
