package io.github.wxlogin.wechat;

/**
 * WeChat's verdict on a text checked with msgSecCheck v2 ({@code result.suggest}).
 */
public enum WxContentVerdict {

	/** The text may be shown. */
	PASS,

	/** The text should be looked at by a person. */
	REVIEW,

	/** The text must not be shown. */
	RISKY

}
