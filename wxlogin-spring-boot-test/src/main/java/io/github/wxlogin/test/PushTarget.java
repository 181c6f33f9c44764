package io.github.wxlogin.test;

import org.jspecify.annotations.Nullable;

/**
 * Where and how a mini program's events are pushed, as configured in WeChat's admin
 * console (Development > Message Push). The token and key never appear in
 * {@link #toString()}.
 *
 * @param url the application's push URL
 * @param token the token both sides sign with
 * @param encodingAesKey the 43-character EncodingAESKey of safe mode, or {@code null} for
 * plain mode
 */
record PushTarget(String url, String token, @Nullable String encodingAesKey) {

	@Override
	public String toString() {
		return "PushTarget[" + this.url + ", " + ((this.encodingAesKey != null) ? "safe" : "plain") + " mode]";
	}

}
