package io.github.wxlogin.web;

/**
 * Counts what the login endpoints did. The starter records to Micrometer when it is present.
 */
public interface WxLoginMetrics {

	/** Records nothing. */
	WxLoginMetrics NONE = new WxLoginMetrics() {

		@Override
		public void login(String outcome) {
		}

		@Override
		public void refresh(String outcome) {
		}

	};

	/**
	 * Count a login.
	 * @param outcome {@code new_user}, {@code returning}, or the error code of a refused login such as
	 * {@code invalid_code}
	 */
	void login(String outcome);

	/**
	 * Count a token refresh.
	 * @param outcome {@code success}, or the error code of a refused refresh
	 */
	void refresh(String outcome);

	/**
	 * Count a phone number WeChat gave ({@code getuserphonenumber} succeeded), which it charges the mini
	 * program for.
	 * @param appid the mini program
	 */
	default void phoneNumber(String appid) {
	}

}
