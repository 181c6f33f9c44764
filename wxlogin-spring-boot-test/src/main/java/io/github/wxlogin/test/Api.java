package io.github.wxlogin.test;

/**
 * The WeChat server APIs that {@link FakeWeChatServer} answers, used to count calls and to
 * inject faults.
 */
public enum Api {

	/**
	 * {@code GET /sns/jscode2session}: exchanges a login code for the openid and session key.
	 */
	CODE2SESSION("/sns/jscode2session"),

	/**
	 * {@code POST /cgi-bin/stable_token}: the stable access token.
	 */
	STABLE_TOKEN("/cgi-bin/stable_token"),

	/**
	 * {@code POST /wxa/business/getuserphonenumber}: the phone number behind a phone code.
	 */
	PHONE_NUMBER("/wxa/business/getuserphonenumber"),

	/**
	 * {@code POST /wxa/msg_sec_check}: the content check (version 2).
	 */
	MSG_SEC_CHECK("/wxa/msg_sec_check"),

	/**
	 * {@code GET /wxa/checksession}: whether a session key is still the user's current one.
	 */
	CHECK_SESSION("/wxa/checksession"),

	/**
	 * {@code POST /wxa/media_check_async}: the asynchronous image check (version 2), whose
	 * verdict is pushed to the mini program's message-push URL.
	 */
	MEDIA_CHECK_ASYNC("/wxa/media_check_async"),

	/**
	 * {@code POST /wxa/getuserriskrank}: WeChat's risk verdict on a user.
	 */
	RISK_RANK("/wxa/getuserriskrank"),

	/**
	 * {@code POST /wxa/business/checkencryptedmsg}: whether WeChat made an {@code encryptedData}
	 * in the last three days.
	 */
	CHECK_ENCRYPTED_MSG("/wxa/business/checkencryptedmsg");

	private final String path;

	Api(String path) {
		this.path = path;
	}

	/**
	 * Return the path of this API, relative to {@link FakeWeChatServer#baseUrl()}.
	 * @return the path, starting with {@code /}
	 */
	public String path() {
		return this.path;
	}

}
