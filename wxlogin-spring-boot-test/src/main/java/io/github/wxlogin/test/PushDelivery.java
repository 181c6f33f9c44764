package io.github.wxlogin.test;

/**
 * What the application answered to a message push of the fake server.
 *
 * @param status the HTTP status
 * @param body the body, {@code success} when the application took the event
 */
public record PushDelivery(int status, String body) {

	/**
	 * Return whether the application took the event as WeChat expects: HTTP 200 with
	 * {@code success} (or an empty body).
	 * @return whether the push was accepted
	 */
	public boolean accepted() {
		return this.status == 200 && (this.body.isEmpty() || "success".equals(this.body.strip()));
	}

}
