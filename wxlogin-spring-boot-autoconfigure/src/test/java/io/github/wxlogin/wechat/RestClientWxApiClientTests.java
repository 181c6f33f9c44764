package io.github.wxlogin.wechat;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.wxlogin.clock.SettableClock;
import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.Fault;
import io.github.wxlogin.wechat.WxApiException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class RestClientWxApiClientTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	/** A guard against a hung fake, far above any local call on a loaded machine. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private FakeWeChatServer fake() {
		return wechat.server();
	}

	private WxApp app() {
		return new WxApp(fake().appid(), fake().secret());
	}

	private RestClientWxApiClient client() {
		return WxApiClients.create(fake().baseUrl(), READ_TIMEOUT);
	}

	private RestClientWxStableTokenClient stableTokens() {
		return WxApiClients.stableTokens(fake().baseUrl(), READ_TIMEOUT, Clock.systemUTC());
	}

	@Test
	void code2SessionReadsTheTextPlainReplyWithoutErrcode() {
		String code = fake().issueLoginCode("openid-1", "unionid-1");
		WxSession session = client().code2Session(app(), code);
		assertThat(session.openid()).isEqualTo("openid-1");
		assertThat(session.unionid()).isEqualTo("unionid-1");
		assertThat(session.sessionKey()).isEqualTo(fake().sessionKeyOf("openid-1"));
		assertThat(session.toString()).doesNotContain(session.sessionKey());
	}

	@Test
	void code2SessionWithoutUnionidGivesNone() {
		WxSession session = client().code2Session(app(), fake().issueLoginCode("openid-2"));
		assertThat(session.unionid()).isNull();
	}

	@Test
	void unknownCodeIsInvalid() {
		assertThatExceptionOfType(WxApiException.class).isThrownBy(() -> client().code2Session(app(), "no-such-code"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_CODE))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40029));
	}

	@Test
	void replayedCodeIsInvalid() {
		String code = fake().issueLoginCode("openid-3");
		client().code2Session(app(), code);
		assertThatExceptionOfType(WxApiException.class).isThrownBy(() -> client().code2Session(app(), code))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_CODE))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40163));
	}

	@Test
	void codeWithCharactersToEncodeIsSentEncoded() {
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> client().code2Session(app(), "a&secret=x#y z+"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_CODE));
	}

	@Test
	void wrongSecretIsAConfigurationErrorThatNeverShowsTheSecret() {
		WxApp wrong = new WxApp(fake().appid(), "0123456789abcdef0123456789abcdef");
		Throwable thrown = catchThrowable(() -> client().code2Session(wrong, fake().issueLoginCode("openid-4")));
		assertThat(thrown).isInstanceOf(WxApiException.class);
		assertThat(((WxApiException) thrown).getReason()).isEqualTo(Reason.CONFIG_ERROR);
		assertThat(((WxApiException) thrown).getErrcode()).isEqualTo(40125);
		assertThat(thrown.getMessage()).doesNotContain(wrong.secret());
	}

	@Test
	void busyOnceIsRetried() {
		fake().failNext(Api.CODE2SESSION, Fault.busy(), 1);
		WxSession session = client().code2Session(app(), fake().issueLoginCode("openid-5"));
		assertThat(session.openid()).isEqualTo("openid-5");
		assertThat(fake().callCount(Api.CODE2SESSION)).isEqualTo(2);
	}

	@Test
	void busyThroughEveryRetryIsBusy() {
		fake().failNext(Api.CODE2SESSION, Fault.busy(), 10);
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> client().code2Session(app(), fake().issueLoginCode("openid-6")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BUSY));
		assertThat(fake().callCount(Api.CODE2SESSION)).isEqualTo(3);
	}

	@Test
	void errcodesMapToTheirReasons() {
		assertFault(Api.CODE2SESSION, 45011, Reason.RATE_LIMITED);
		assertFault(Api.CODE2SESSION, 40226, Reason.RISKY_USER);
		assertFault(Api.CODE2SESSION, 40013, Reason.CONFIG_ERROR);
		assertFault(Api.CODE2SESSION, 40164, Reason.CONFIG_ERROR);
		assertFault(Api.STABLE_TOKEN, 40243, Reason.CONFIG_ERROR);
		assertFault(Api.STABLE_TOKEN, 45009, Reason.CONFIG_ERROR);
		assertFault(Api.STABLE_TOKEN, 89503, Reason.CONFIG_ERROR);
		assertFault(Api.PHONE_NUMBER, 40001, Reason.TOKEN_REJECTED);
		assertFault(Api.PHONE_NUMBER, 42001, Reason.TOKEN_REJECTED);
		assertFault(Api.PHONE_NUMBER, 40013, Reason.INVALID_CODE);
		assertFault(Api.MSG_SEC_CHECK, 61010, Reason.REFUSED);
		assertFault(Api.MEDIA_CHECK_ASYNC, 42001, Reason.TOKEN_REJECTED);
		assertFault(Api.MEDIA_CHECK_ASYNC, 45009, Reason.RATE_LIMITED);
		assertFault(Api.MEDIA_CHECK_ASYNC, 61010, Reason.REFUSED);
	}

	private void assertFault(Api api, int errcode, Reason reason) {
		// A rejected token is replaced and the call made once more: the second rejection is the failure
		fake().failNext(api, Fault.errcode(errcode), (reason == Reason.TOKEN_REJECTED) ? 2 : 1);
		Throwable thrown = catchThrowable(() -> call(api).get());
		assertThat(thrown).as("errcode %d of %s", errcode, api).isExactlyInstanceOf(WxApiException.class);
		assertThat(((WxApiException) thrown).getReason()).as("errcode %d of %s", errcode, api).isEqualTo(reason);
		assertThat(((WxApiException) thrown).getErrcode()).isEqualTo(errcode);
		assertThat(thrown.getMessage()).doesNotContain(fake().secret()).contains("rid");
	}

	private Supplier<Object> call(Api api) {
		return switch (api) {
			case CODE2SESSION -> () -> client().code2Session(app(), fake().issueLoginCode("openid-f"));
			case STABLE_TOKEN -> () -> stableTokens().stableAccessToken(app(), false);
			case PHONE_NUMBER -> () -> client().phoneNumber(app(), fake().issuePhoneCode("13800138000"), "openid-f");
			case MSG_SEC_CHECK -> () -> client().msgSecCheck(app(), "openid-f", "hello");
			case CHECK_SESSION -> () -> client().checkSession(app(), "openid-f", "key");
			case MEDIA_CHECK_ASYNC -> () -> client().mediaCheckAsync(app(), "openid-f", "https://example.com/a.png");
			case RISK_RANK -> () -> client().riskRank(app(), "openid-f", "203.0.113.7", null, false);
			case CHECK_ENCRYPTED_MSG -> () -> client().checkEncryptedData(app(), "bm90IFdlQ2hhdCdz");
		};
	}

	@Test
	void garbageBodyIsABadResponse() {
		fake().failNext(Api.CODE2SESSION, Fault.garbage(), 1);
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> client().code2Session(app(), fake().issueLoginCode("openid-7")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_RESPONSE));
	}

	@Test
	void htmlErrorPageIsABadResponse() {
		fake().failNext(Api.CODE2SESSION, Fault.htmlPage(), 1);
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> client().code2Session(app(), fake().issueLoginCode("openid-8")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_RESPONSE));
	}

	@Test
	void http500IsABadResponse() {
		fake().failNext(Api.STABLE_TOKEN, Fault.httpStatus(500), 1);
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> stableTokens().stableAccessToken(app(), false))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_RESPONSE));
	}

	@Test
	void replySlowerThanTheReadTimeoutIsUnavailable() {
		RestClientWxApiClient impatient = WxApiClients.create(fake().baseUrl(), Duration.ofSeconds(1));
		fake().failNext(Api.CODE2SESSION, Fault.delay(Duration.ofSeconds(10)), 1);
		Throwable thrown = catchThrowable(() -> impatient.code2Session(app(), fake().issueLoginCode("openid-9")));
		assertThat(thrown).isInstanceOf(WxApiException.class);
		assertThat(((WxApiException) thrown).getReason()).isEqualTo(Reason.UNAVAILABLE);
		assertThat(thrown.getMessage()).doesNotContain(fake().secret());
	}

	@Test
	void refusedConnectionIsUnavailable() {
		RestClientWxApiClient closed = WxApiClients.create("http://127.0.0.1:1", READ_TIMEOUT);
		Throwable thrown = catchThrowable(() -> closed.code2Session(app(), "code"));
		assertThat(thrown).isInstanceOf(WxApiException.class);
		assertThat(((WxApiException) thrown).getReason()).isEqualTo(Reason.UNAVAILABLE);
		assertThat(thrown.getMessage()).doesNotContain(fake().secret());
	}

	@Test
	void stableAccessTokenIsTheSameWhileValidAndDatedByTheClientsClock() {
		SettableClock clock = new SettableClock();
		RestClientWxStableTokenClient client = WxApiClients.stableTokens(fake().baseUrl(), READ_TIMEOUT, clock);
		// A new token: its expires_in is its whole lifetime
		fake().invalidateAccessToken();
		WeChatAccessToken first = client.stableAccessToken(app(), false);
		WeChatAccessToken second = client.stableAccessToken(app(), false);
		assertThat(second.token()).isEqualTo(first.token());
		assertThat(first.expiresAt()).isEqualTo(clock.instant().plusSeconds(7200));
		assertThat(first.toString()).doesNotContain(first.token());
		assertThat(stableTokens().stableAccessToken(app(), true).token()).isNotEqualTo(first.token());
	}

	@Test
	void phoneNumberReadsTheStringCountryCode() {
		WxPhoneInfo phone = client().phoneNumber(app(), fake().issuePhoneCode("13800138000", "openid-p"), "openid-p");
		assertThat(phone.phoneNumber()).isEqualTo("13800138000");
		assertThat(phone.purePhoneNumber()).isEqualTo("13800138000");
		assertThat(phone.countryCode()).isEqualTo("86");
		assertThat(phone.watermark().appid()).isEqualTo(fake().appid());
	}

	@Test
	void phoneCodeOfAnotherUserIsInvalid() {
		String code = fake().issuePhoneCode("13800138000", "openid-a");
		assertThatExceptionOfType(WxApiException.class).isThrownBy(() -> client().phoneNumber(app(), code, "openid-b"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_CODE));
	}

	@Test
	void msgSecCheckReturnsTheVerdict() {
		fake().issueLoginCode("openid-m");
		fake().contentVerdict("spam", "risky");
		fake().contentVerdict("maybe", "review");
		RestClientWxApiClient client = client();
		assertThat(client.msgSecCheck(app(), "openid-m", "hello")).isEqualTo(WxContentVerdict.PASS);
		assertThat(client.msgSecCheck(app(), "openid-m", "buy spam")).isEqualTo(WxContentVerdict.RISKY);
		assertThat(client.msgSecCheck(app(), "openid-m", "maybe so")).isEqualTo(WxContentVerdict.REVIEW);
	}

	@Test
	void checkSessionAcceptsOnlyTheCurrentSessionKey() {
		String code = fake().issueLoginCode("openid-c");
		String sessionKey = client().code2Session(app(), code).sessionKey();
		assertThat(client().checkSession(app(), "openid-c", sessionKey)).isTrue();
		fake().issueLoginCode("openid-c");
		assertThat(client().checkSession(app(), "openid-c", sessionKey)).isFalse();
	}

	@Test
	void rejectedTokenIsInvalidatedAndTheCallMadeExactlyOnceMoreWithANewOne() {
		CaffeineWxAccessTokenProvider accessTokens = new CaffeineWxAccessTokenProvider(stableTokens(),
				Duration.ofMinutes(5), Clock.systemUTC());
		RestClientWxApiClient client = WxApiClients.create(fake().baseUrl(), READ_TIMEOUT, accessTokens);
		String rejected = accessTokens.accessToken(app());
		fake().invalidateAccessToken();
		fake().resetCounts();
		WxPhoneInfo phone = client.phoneNumber(app(), fake().issuePhoneCode("13800138000", "openid-r"), "openid-r");
		assertThat(phone.purePhoneNumber()).isEqualTo("13800138000");
		assertThat(fake().callCount(Api.PHONE_NUMBER)).isEqualTo(2);
		assertThat(fake().callCount(Api.STABLE_TOKEN)).isEqualTo(1);
		assertThat(accessTokens.accessToken(app())).isNotEqualTo(rejected);
	}

	@Test
	void tokenRejectedAgainAfterItsReplacementIsTokenRejectedWithoutAThirdCall() {
		fake().failNext(Api.CHECK_SESSION, Fault.errcode(42001), 1);
		fake().failNext(Api.CHECK_SESSION, Fault.errcode(40001), 1);
		assertThatExceptionOfType(WxApiException.class)
			.isThrownBy(() -> client().checkSession(app(), "openid-r2", "key"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TOKEN_REJECTED))
			.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(40001));
		assertThat(fake().callCount(Api.CHECK_SESSION)).isEqualTo(2);
	}

	@Test
	void mediaCheckAsyncSendsTheImageUrlAsAProfileImageAndReturnsTheTraceId() {
		fake().issueLoginCode("openid-i");
		String traceId = client().mediaCheckAsync(app(), "openid-i", "https://example.com/wx/avatars/abc.png");
		assertThat(fake().mediaChecks()).singleElement().satisfies((check) -> {
			assertThat(check.traceId()).isEqualTo(traceId);
			assertThat(check.openid()).isEqualTo("openid-i");
			assertThat(check.mediaUrl()).isEqualTo("https://example.com/wx/avatars/abc.png");
			assertThat(check.scene()).isEqualTo(1);
		});
	}

	@Test
	void mediaCheckAsyncFrequencyLimitIsRateLimitedNotConfiguration() {
		fake().issueLoginCode("openid-i2");
		fake().failNext(Api.MEDIA_CHECK_ASYNC, Fault.errcode(45009), 1);
		fake().failNext(Api.MEDIA_CHECK_ASYNC, Fault.errcode(44991), 1);
		for (int errcode : new int[] { 45009, 44991 }) {
			assertThatExceptionOfType(WxApiException.class)
				.isThrownBy(() -> client().mediaCheckAsync(app(), "openid-i2", "https://example.com/a.png"))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.RATE_LIMITED))
				.satisfies((ex) -> assertThat(ex.getErrcode()).isEqualTo(errcode));
		}
	}

	@Test
	void checkSessionSignatureMatchesWeChatsVector() {
		assertThat(RestClientWxApiClient.sessionSignature("tiihtNczf5v6AKRyjwEUhQ=="))
			.isEqualTo("7154f9f8b4b76b92f541cbf0e37d48840fa06e5e42da92a6f80168a1516a4735");
	}

	static final class WxApiClients {

		private static final Duration[] BUSY_BACKOFF = { Duration.ofMillis(10), Duration.ofMillis(20) };

		/** A client whose access tokens are kept in memory, fetched from the same server. */
		static RestClientWxApiClient create(String baseUrl, Duration readTimeout) {
			Clock clock = Clock.systemUTC();
			return create(baseUrl, readTimeout, new CaffeineWxAccessTokenProvider(
					stableTokens(baseUrl, readTimeout, clock), Duration.ofMinutes(5), clock));
		}

		static RestClientWxApiClient create(String baseUrl, Duration readTimeout, WxAccessTokenProvider accessTokens) {
			return new RestClientWxApiClient(restClient(baseUrl, readTimeout), accessTokens, BUSY_BACKOFF);
		}

		static RestClientWxStableTokenClient stableTokens(String baseUrl, Duration readTimeout, Clock clock) {
			return new RestClientWxStableTokenClient(restClient(baseUrl, readTimeout), clock, BUSY_BACKOFF);
		}

		private static RestClient restClient(String baseUrl, Duration readTimeout) {
			java.net.http.HttpClient httpClient = java.net.http.HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(10))
				.build();
			org.springframework.http.client.JdkClientHttpRequestFactory factory = new org.springframework.http.client.JdkClientHttpRequestFactory(
					httpClient);
			factory.setReadTimeout(readTimeout);
			return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
		}

	}

}
