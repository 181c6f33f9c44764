package io.github.wxlogin.web;

import io.github.wxlogin.http.WxErrorCode;
import io.github.wxlogin.http.WxErrorCodes;
import io.github.wxlogin.http.WxProblem;
import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxPushException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Answers every failure of the login endpoints with {@code problem+json} carrying the contract's
 * {@code code} (and WeChat's {@code wxErrcode}), as {@link WxProblem} spells each one. Scoped to the
 * starter's controllers, so the host's own error handling stays as it is.
 */
@RestControllerAdvice(assignableTypes = { WxLoginController.class, WxAvatarController.class, WxPushController.class,
		WxOAuth2Controller.class })
public class WxLoginExceptionHandler {

	private static final Log logger = LogFactory.getLog(WxLoginExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> loginFailed(WxLoginException ex) {
		return WxProblem.of(ex).toResponseEntity();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(WxRateLimitInterceptor.WxRateLimitExceededException ex) {
		return WxProblem.rateLimited(ex.retryAfter()).toResponseEntity();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> wechatFailed(WxApiException ex) {
		return WxProblem.of(ex).toResponseEntity();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> pushRefused(WxPushException ex) {
		if (ex.getReason() != WxPushException.Reason.NOT_CONFIGURED) {
			// A wrong token or key on either side shows here first; the message holds no secret
			logger.warn("A WeChat message push was refused: " + ex.getMessage());
		}
		return WxProblem.of(ex).toResponseEntity();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException ex) {
		return WxProblem.uploadTooLarge().toResponseEntity();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> uploadUnreadable(MultipartException ex) {
		return WxProblem.uploadUnreadable().toResponseEntity();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> partMissing(MissingServletRequestPartException ex) {
		return WxProblem.uploadPartMissing().toResponseEntity();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		// The request records refuse a bad field while the body is read: that refusal is the answer
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof WxLoginException refused) {
				return loginFailed(refused);
			}
		}
		return WxProblem.bodyUnreadable().toResponseEntity();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return WxProblem.bodyNotJson().toResponseEntity();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return WxProblem.notAcceptable().toResponseEntity();
	}

	/**
	 * Redis or the database did not answer within its timeout, or could not be reached: a retry can
	 * succeed. Other data access failures (bad SQL, a violated constraint) are bugs, answered as such.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeFailed(DataAccessException ex) throws Exception {
		if (WxErrorCodes.of(ex) != WxErrorCode.STORE_UNAVAILABLE) {
			return unexpected(ex);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("A store did not answer: " + ex.getClass().getName());
		}
		return WxProblem.of(ex).toResponseEntity();
	}

	/**
	 * Anything unexpected: logged once here (the endpoints never put a token or code into an exception)
	 * and answered without the exception's details. Spring MVC's own refusals and Spring Security's keep
	 * their usual handling.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
		if (ex instanceof ErrorResponse || ex instanceof AuthenticationException
				|| ex instanceof AccessDeniedException) {
			throw ex;
		}
		logger.error("Unexpected failure of a WeChat login endpoint", ex);
		return WxProblem.internalError().toResponseEntity();
	}

}
