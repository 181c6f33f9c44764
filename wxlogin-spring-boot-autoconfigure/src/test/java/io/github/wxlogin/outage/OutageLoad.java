package io.github.wxlogin.outage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import io.github.wxlogin.outage.Caller.Reply;
import io.github.wxlogin.test.FakeWeChatServer;

/**
 * A bounded load like a mini program's users make, recorded reply by reply: guarded requests with
 * access tokens the application verified before, a login every 100 ms, refresh chains (each client keeps
 * its refresh token until a refresh succeeds, and tries again after a refusal), and profile reads that
 * go to the database.
 */
final class OutageLoad {

	private static final int GUARDED_THREADS = 4;

	private static final int REFRESH_CHAINS = 4;

	final Queue<Reply> replies = new ConcurrentLinkedQueue<>();

	/** Users whose login was answered 200: openid to user id. */
	final Map<String, String> createdUsers = new ConcurrentHashMap<>();

	/** Refresh chains whose token was refused: a session lost. */
	final Set<Integer> lostChains = ConcurrentHashMap.newKeySet();

	private final Caller caller;

	private final FakeWeChatServer wechat;

	private final String openidPrefix;

	private final List<String> accessTokens = new ArrayList<>();

	private final AtomicReferenceArray<String> refreshTokens = new AtomicReferenceArray<>(REFRESH_CHAINS);

	private volatile boolean running;

	private ExecutorService threads = Executors.newCachedThreadPool();

	OutageLoad(Caller caller, FakeWeChatServer wechat, String openidPrefix) {
		this.caller = caller;
		this.wechat = wechat;
		this.openidPrefix = openidPrefix;
	}

	/**
	 * Log in the users of the load while the stores are up, and present each access token once so that the
	 * application has verified it.
	 */
	void prepare() {
		for (int i = 0; i < GUARDED_THREADS; i++) {
			Reply login = login();
			String accessToken = login.text("accessToken");
			require(this.caller.get("guarded", "/api/hello", accessToken), 200);
			this.accessTokens.add(accessToken);
		}
		for (int i = 0; i < REFRESH_CHAINS; i++) {
			this.refreshTokens.set(i, login().text("refreshToken"));
		}
	}

	void start() {
		this.running = true;
		this.threads = Executors.newCachedThreadPool();
		for (String accessToken : this.accessTokens) {
			every(Duration.ofMillis(10), () -> this.caller.get("guarded", "/api/hello", accessToken));
		}
		every(Duration.ofMillis(100), () -> {
			String openid = this.openidPrefix + UUID.randomUUID();
			Reply reply = this.caller.post("login", "/wx/login", null, Map.of("code", this.wechat.issueLoginCode(openid)));
			if (reply.status() == 200) {
				this.createdUsers.put(openid, reply.json().path("user").path("id").asString());
			}
			return reply;
		});
		int[] next = { 0 };
		every(Duration.ofMillis(125), () -> {
			int chain = next[0]++ % REFRESH_CHAINS;
			return refresh(chain);
		});
		every(Duration.ofMillis(100), () -> this.caller.get("me", "/wx/me", this.accessTokens.get(0)));
	}

	void stop() {
		this.running = false;
		this.threads.shutdown();
		try {
			this.threads.awaitTermination(Caller.HANG.toSeconds() + 5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One refresh of a chain: its token moves on when the refresh succeeds, and stays for a retry otherwise. */
	Reply refresh(int chain) {
		Reply reply = this.caller.post("refresh", "/wx/token/refresh", null,
				Map.of("refreshToken", this.refreshTokens.get(chain)));
		if (reply.status() == 200) {
			this.refreshTokens.set(chain, reply.text("refreshToken"));
		}
		else if (reply.status() == 401) {
			this.lostChains.add(chain);
		}
		return reply;
	}

	int refreshChains() {
		return REFRESH_CHAINS;
	}

	Reply login() {
		String openid = this.openidPrefix + UUID.randomUUID();
		Reply reply = require(
				this.caller.post("login", "/wx/login", null, Map.of("code", this.wechat.issueLoginCode(openid))), 200);
		this.createdUsers.put(openid, reply.json().path("user").path("id").asString());
		return reply;
	}

	private void every(Duration pause, Supplier<Reply> call) {
		this.threads.execute(() -> {
			while (this.running) {
				this.replies.add(call.get());
				try {
					Thread.sleep(pause.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		});
	}

	private static Reply require(Reply reply, int status) {
		if (reply.status() != status) {
			throw new AssertionError("Expected " + status + " but got " + reply);
		}
		return reply;
	}

}
