package io.github.wxlogin.test;

/**
 * One API of the fake server.
 */
@FunctionalInterface
interface WeChatEndpoint {

	/**
	 * Answer a call.
	 * @param request the call
	 * @return the reply
	 * @throws WeChatApiError for a business error, answered inside HTTP 200
	 */
	WeChatReply answer(WeChatRequest request);

	/**
	 * Return the content type of this API's answers, errors included.
	 * @return the content type
	 */
	default String contentType() {
		return WeChatReply.JSON;
	}

}
