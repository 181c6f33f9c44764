package io.github.wxlogin.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit Jupiter extension that runs a {@link FakeWeChatServer} for a test class and
 * {@linkplain FakeWeChatServer#reset() resets} it before each test.
 * <pre class="code">
 * &#064;RegisterExtension
 * static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();
 *
 * &#064;Test
 * void logsIn() {
 *     String code = wechat.server().issueLoginCode("openid-1");
 * }
 * </pre>
 * Registered on a static field, the server starts before all tests and closes after them;
 * on an instance field, it lives for one test.
 */
public final class FakeWeChatServerExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private final @Nullable String appid;

	private final @Nullable String secret;

	private @Nullable FakeWeChatServer server;

	private boolean perClass;

	/**
	 * Create an extension whose server accepts the default AppID and a random AppSecret.
	 */
	public FakeWeChatServerExtension() {
		this.appid = null;
		this.secret = null;
	}

	/**
	 * Create an extension whose server accepts the given credentials.
	 * @param appid the mini program's AppID
	 * @param secret the mini program's AppSecret
	 */
	public FakeWeChatServerExtension(String appid, String secret) {
		this.appid = appid;
		this.secret = secret;
	}

	/**
	 * Return the server, starting it if needed (e.g. when a {@code @DynamicPropertySource}
	 * method asks before the first callback).
	 * @return the running server
	 */
	public synchronized FakeWeChatServer server() {
		FakeWeChatServer running = this.server;
		if (running == null) {
			running = (this.appid != null && this.secret != null) ? FakeWeChatServer.start(this.appid, this.secret)
					: FakeWeChatServer.start();
			this.server = running;
		}
		return running;
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		this.perClass = true;
		server();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server().reset();
	}

	@Override
	public synchronized void afterEach(ExtensionContext context) {
		if (!this.perClass) {
			close();
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		close();
	}

	private void close() {
		FakeWeChatServer running = this.server;
		if (running != null) {
			running.close();
			this.server = null;
		}
	}

}
