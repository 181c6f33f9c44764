package io.github.wxlogin.test;

/**
 * A business error that an endpoint answers with, inside HTTP 200 as WeChat does.
 */
final class WeChatApiError extends RuntimeException {

	private final int errcode;

	WeChatApiError(int errcode) {
		super(ErrorMessages.of(errcode), null, false, false);
		this.errcode = errcode;
	}

	int errcode() {
		return this.errcode;
	}

}
