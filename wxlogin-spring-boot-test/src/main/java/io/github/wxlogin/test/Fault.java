package io.github.wxlogin.test;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A misbehaviour of WeChat's server that {@link FakeWeChatServer#failNext} injects in
 * place of a normal answer.
 *
 * @see FakeWeChatServer#failNext(Api, Fault, int)
 */
public final class Fault {

	private static final String NGINX_BAD_GATEWAY = """
			<html>
			<head><title>502 Bad Gateway</title></head>
			<body>
			<center><h1>502 Bad Gateway</h1></center>
			<hr><center>nginx</center>
			</body>
			</html>
			""";

	private final String description;

	private final Duration delay;

	// null for a delay, which answers normally
	private final @Nullable Supplier<WeChatReply> reply;

	private Fault(String description, Duration delay, @Nullable Supplier<WeChatReply> reply) {
		this.description = description;
		this.delay = delay;
		this.reply = reply;
	}

	/**
	 * A business error inside HTTP 200, e.g. {@code 45011} (minute quota) or {@code 40226}
	 * (high-risk user).
	 * @param errcode the error code
	 * @return the fault
	 */
	public static Fault errcode(int errcode) {
		return new Fault("errcode " + errcode, Duration.ZERO, () -> WeChatReply.error(errcode));
	}

	/**
	 * WeChat's "system busy" answer, errcode {@code -1}, which clients should retry.
	 * @return the fault
	 */
	public static Fault busy() {
		return errcode(-1);
	}

	/**
	 * HTTP 200 with a {@code text/plain} body that is not JSON.
	 * @return the fault
	 */
	public static Fault garbage() {
		return new Fault("garbage", Duration.ZERO,
				() -> new WeChatReply(200, WeChatReply.TEXT, "this is not json"));
	}

	/**
	 * HTTP 502 with the HTML error page of a gateway in front of WeChat.
	 * @return the fault
	 */
	public static Fault htmlPage() {
		return new Fault("html page", Duration.ZERO,
				() -> new WeChatReply(502, "text/html", NGINX_BAD_GATEWAY));
	}

	/**
	 * The given HTTP status with a short {@code text/plain} body.
	 * @param status the HTTP status, 200 to 599
	 * @return the fault
	 */
	public static Fault httpStatus(int status) {
		if (status < 200 || status > 599) {
			throw new IllegalArgumentException("HTTP status must be between 200 and 599: " + status);
		}
		return new Fault("HTTP " + status, Duration.ZERO,
				() -> new WeChatReply(status, WeChatReply.TEXT, "HTTP " + status));
	}

	/**
	 * A slow reply: wait, then answer normally.
	 * @param delay how long to wait
	 * @return the fault
	 */
	public static Fault delay(Duration delay) {
		Objects.requireNonNull(delay, "delay");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative: " + delay);
		}
		return new Fault("delay " + delay, delay, null);
	}

	/**
	 * Answer with this fault.
	 * @param normalReply the reply the call would have had
	 * @return the reply to send
	 * @throws InterruptedException when interrupted while delaying
	 */
	WeChatReply reply(Supplier<WeChatReply> normalReply) throws InterruptedException {
		if (this.reply != null) {
			return this.reply.get();
		}
		Thread.sleep(this.delay.toMillis());
		return normalReply.get();
	}

	@Override
	public String toString() {
		return "Fault[" + this.description + "]";
	}

}
