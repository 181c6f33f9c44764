package io.github.wxlogin.wechat;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message WeChat pushed, verified and, in safe mode, decrypted: its JSON members as they came.
 *
 * @param appid the mini program it was pushed for
 * @param fields the message's members, such as {@code MsgType}, {@code Event} and {@code FromUserName}
 */
public record WxPushMessage(String appid, Map<String, Object> fields) {

	/**
	 * Keep an unmodifiable copy of the members.
	 */
	public WxPushMessage {
		fields = Map.copyOf(fields);
	}

	/**
	 * Return the message type, {@code event} for events.
	 * @return {@code MsgType}, or {@code null} when absent
	 */
	public @Nullable String msgType() {
		return text("MsgType");
	}

	/**
	 * Return the event's name, such as {@code wxa_media_check}.
	 * @return {@code Event}, or {@code null} when absent
	 */
	public @Nullable String event() {
		return text("Event");
	}

	/**
	 * Return a member as text.
	 * @param name the member's name
	 * @return its value when it is a string or number, otherwise {@code null}
	 */
	public @Nullable String text(String name) {
		return WxApiCalls.text(this.fields, name);
	}

}
