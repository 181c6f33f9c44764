package io.github.wxlogin.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * WeChat pushed a message the starter has no type of its own for, published as a Spring application event
 * once its signature (and, in safe mode, its encryption) checked out. WeChat pushes a message again when
 * the answer is slow, so a listener should be idempotent.
 *
 * @param appid the mini program it was pushed for
 * @param msgType {@code MsgType}, {@code event} for events
 * @param event {@code Event}, the event's name, for events
 * @param fields every member of the message as it came
 */
public record WxPushEvent(String appid, @Nullable String msgType, @Nullable String event, Map<String, Object> fields) {

	/**
	 * Keep an unmodifiable copy of the members.
	 */
	public WxPushEvent {
		fields = Map.copyOf(fields);
	}

}
