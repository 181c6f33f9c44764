package io.github.wxlogin.web;

import io.github.wxlogin.event.WxMediaCheckEvent;
import io.github.wxlogin.event.WxPushEvent;
import io.github.wxlogin.http.WxLoginEndpoints;
import io.github.wxlogin.wechat.WxContentVerdict;
import io.github.wxlogin.wechat.WxMessagePush;
import io.github.wxlogin.wechat.WxPushMessage;
import io.github.wxlogin.wechat.WxPushQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's message push, at {@code {base-path}/push/{appid}}: the handshake, and messages published as
 * Spring application events, a {@link WxMediaCheckEvent} for an image check's verdict and a
 * {@link WxPushEvent} for anything else. Answers {@code success} once the listeners are done, so that a
 * listener's failure makes WeChat push again.
 */
@RestController
@RequestMapping(WxLoginEndpoints.BASE_PATH_MAPPING)
public class WxPushController {

	private static final String MEDIA_CHECK = "wxa_media_check";

	private final WxMessagePush push;

	private final ApplicationEventPublisher events;

	/**
	 * Create the controller.
	 * @param push the checks and decryption of pushes
	 * @param events where pushed messages are published
	 */
	public WxPushController(WxMessagePush push, ApplicationEventPublisher events) {
		this.push = push;
		this.events = events;
	}

	@GetMapping(path = WxLoginEndpoints.PUSH, produces = MediaType.TEXT_PLAIN_VALUE)
	public String handshake(@PathVariable String appid, @RequestParam(required = false) @Nullable String signature,
			@RequestParam(required = false) @Nullable String timestamp,
			@RequestParam(required = false) @Nullable String nonce,
			@RequestParam(required = false, defaultValue = "") String echostr) {
		return this.push.handshake(appid, new WxPushQuery(signature, timestamp, nonce, null, null), echostr);
	}

	@PostMapping(path = WxLoginEndpoints.PUSH, produces = MediaType.TEXT_PLAIN_VALUE)
	public String receive(@PathVariable String appid, @RequestParam(required = false) @Nullable String signature,
			@RequestParam(required = false) @Nullable String timestamp,
			@RequestParam(required = false) @Nullable String nonce,
			@RequestParam(name = "encrypt_type", required = false) @Nullable String encryptType,
			@RequestParam(name = "msg_signature", required = false) @Nullable String msgSignature,
			@RequestBody(required = false) @Nullable String body) {
		WxPushMessage message = this.push.receive(appid,
				new WxPushQuery(signature, timestamp, nonce, encryptType, msgSignature), (body != null) ? body : "");
		this.events.publishEvent(eventOf(message));
		return "success";
	}

	private static Object eventOf(WxPushMessage message) {
		String traceId = message.text("trace_id");
		if (MEDIA_CHECK.equals(message.event()) && traceId != null
				&& message.fields().get("result") instanceof java.util.Map<?, ?> result) {
			WxContentVerdict verdict = switch (String.valueOf(result.get("suggest"))) {
				case "pass" -> WxContentVerdict.PASS;
				case "risky" -> WxContentVerdict.RISKY;
				default -> WxContentVerdict.REVIEW;
			};
			Integer label = (result.get("label") instanceof Number number) ? number.intValue() : null;
			return new WxMediaCheckEvent(message.appid(), traceId, verdict, label);
		}
		return new WxPushEvent(message.appid(), message.msgType(), message.event(), message.fields());
	}

}
