package io.github.wxlogin.http;

import java.time.Duration;

import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.session.TokenStoreUnavailableException;
import io.github.wxlogin.wechat.WxApiException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class WxProblemTests {

	@Test
	void weChatsConfigurationFailureIsTheContractsWechatConfigError() {
		WxProblem problem = WxProblem.of(new WxApiException(WxApiException.Reason.CONFIG_ERROR, "jscode2session",
				40125, "invalid appsecret"));
		assertThat(problem.code()).isEqualTo(WxErrorCode.WECHAT_CONFIG_ERROR);
		assertThat(problem.code().code()).isEqualTo("wechat_config_error");
		assertThat(problem.status().value()).isEqualTo(502);
		assertThat(problem.body().getProperties()).containsEntry("wxErrcode", 40125);
		assertThat(problem.retryAfterHeader()).isNull();
	}

	@Test
	void busyWeChatIsUnavailableWithItsErrcodeAndARetryAfter() {
		WxProblem problem = WxProblem
			.of(new WxApiException(WxApiException.Reason.BUSY, "jscode2session", -1, "system busy"));
		assertThat(problem.body().getProperties()).containsEntry("code", "wechat_unavailable")
			.containsEntry("wxErrcode", -1);
		assertThat(problem.retryAfterHeader()).isEqualTo("5");
	}

	@Test
	void aStaleSessionKeyIsSessionKeyExpired() {
		WxProblem problem = WxProblem
			.of(new WxLoginException(WxLoginException.Reason.SESSION_KEY_EXPIRED, "call wx.login again"));
		assertThat(problem.body().getProperties()).containsEntry("code", "session_key_expired");
		assertThat(problem.status().value()).isEqualTo(401);
		assertThat(problem.detail()).isEqualTo("call wx.login again");
	}

	@Test
	void aStoreOutageIsStoreUnavailableAndABugIsAnInternalError() {
		assertThat(WxProblem.of(new QueryTimeoutException("timed out")).retryAfterHeader()).isEqualTo("1");
		assertThat(WxProblem.of(new TokenStoreUnavailableException(new QueryTimeoutException("timed out"))).code())
			.isEqualTo(WxErrorCode.STORE_UNAVAILABLE);
		WxProblem bug = WxProblem.of(new DataIntegrityViolationException("duplicate key"));
		assertThat(bug.code()).isEqualTo(WxErrorCode.INTERNAL_ERROR);
		assertThat(bug.detail()).doesNotContain("duplicate");
	}

	@Test
	void theStartersOwnRateLimitRoundsItsWaitUpToWholeSeconds() {
		assertThat(WxProblem.rateLimited(Duration.ofMillis(1200)).retryAfterHeader()).isEqualTo("2");
		assertThat(WxProblem.rateLimited(Duration.ofMillis(10)).retryAfterHeader()).isEqualTo("1");
	}

	@Test
	void aRefusalOverACapIsTitledAsRfc9110NamesIt() {
		ProblemDetail body = WxProblem.bodyTooLarge(16384).body();
		assertThat(body.getStatus()).isEqualTo(413);
		assertThat(body.getTitle()).isEqualTo("Content Too Large");
		assertThat(body.getProperties()).containsEntry("code", "invalid_request");
		assertThat(WxProblem.uploadTooLarge().body().getTitle()).isEqualTo("Content Too Large");
	}

	@Test
	void aRequestTheTokenDoesNotAllowIsForbidden() {
		assertThat(WxProblem.forbidden().body().getProperties()).containsEntry("code", "forbidden");
		assertThat(WxProblem.forbidden().status().value()).isEqualTo(403);
	}

	@Test
	void aContainerErrorKeepsItsStatus() {
		WxProblem problem = WxProblem.ofContainerStatus(400);
		assertThat(problem.status().value()).isEqualTo(400);
		assertThat(problem.code()).isEqualTo(WxErrorCode.INVALID_REQUEST);
		assertThat(WxProblem.ofContainerStatus(503).code()).isEqualTo(WxErrorCode.INTERNAL_ERROR);
		assertThat(WxProblem.ofContainerStatus(503).retryAfterHeader()).isNull();
	}

}
