package io.github.wxlogin.wechat;

import java.util.Base64;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A mini program's message-push settings, as entered in WeChat's admin console (Development > Development
 * Settings > Message Push): the token both sides sign with, and the EncodingAESKey of safe mode. Neither
 * appears in {@link #toString()}.
 *
 * @param token the token, 3 to 32 letters and digits
 * @param encodingAesKey the 43-character EncodingAESKey, or {@code null} when pushes come in plain mode only
 */
public record WxPushSettings(String token, @Nullable String encodingAesKey) {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{3,32}");

	private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9+/]{43}");

	/**
	 * Check the settings' form.
	 * @throws IllegalArgumentException if the token is not 3 to 32 letters and digits, or the key is not 43
	 * Base64 characters
	 */
	public WxPushSettings {
		if (!TOKEN.matcher(token).matches()) {
			throw new IllegalArgumentException("the token must be 3 to 32 letters and digits");
		}
		if (encodingAesKey != null && !ENCODING_AES_KEY.matcher(encodingAesKey).matches()) {
			throw new IllegalArgumentException("the EncodingAESKey must be 43 letters, digits, '+' or '/'");
		}
	}

	/**
	 * Return the AES-256 key of safe mode: the EncodingAESKey with its missing {@code =}, Base64-decoded.
	 * @return the 32-byte key, or {@code null} in plain mode
	 */
	byte @Nullable [] aesKey() {
		return (this.encodingAesKey != null) ? Base64.getDecoder().decode(this.encodingAesKey + "=") : null;
	}

	@Override
	public String toString() {
		return "WxPushSettings[" + ((this.encodingAesKey != null) ? "safe" : "plain") + " mode]";
	}

}
