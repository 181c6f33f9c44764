package io.github.wxlogin.web;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxErrorCode;
import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxPushException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * {@code code} (and WeChat's {@code wxErrcode}). Scoped to the starter's controllers, so the host's own
 * error handling stays as it is.
 */
@RestControllerAdvice(assignableTypes = { WxLoginController.class, WxAvatarController.class, WxPushController.class })
public class WxLoginExceptionHandler {

	private static final Log logger = LogFactory.getLog(WxLoginExceptionHandler.class);

	/** WeChat's per-user quota is per minute. */
	private static final String RATE_LIMIT_RETRY_AFTER = "60";

	private static final String UNAVAILABLE_RETRY_AFTER = "5";

	/** A store comes back within seconds of its outage: the client may retry soon. */
	private static final String STORE_RETRY_AFTER = "1";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> loginFailed(WxLoginException ex) {
		return problem(errorCode(ex.reason()), ex.getMessage(), null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(WxRateLimitInterceptor.WxRateLimitExceededException ex) {
		return problem(WxErrorCode.RATE_LIMITED, ex.getMessage(), null, WxErrorCode.RATE_LIMITED.status(),
				Long.toString(ex.retryAfterSeconds()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> wechatFailed(WxApiException ex) {
		Integer errcode = (ex.getErrcode() != WxApiException.NO_ERRCODE) ? ex.getErrcode() : null;
		WxErrorCode code = errorCode(ex);
		String detail = switch (code) {
			case INVALID_CODE -> "WeChat rejected the code: it is invalid, expired or used.";
			case RATE_LIMITED -> "WeChat's quota for this user is spent; try again later.";
			case RISKY_USER -> "WeChat blocked this login as high-risk.";
			case WECHAT_UNAVAILABLE -> "WeChat is busy or unreachable; try again shortly.";
			case WECHAT_CONFIG_ERROR -> "WeChat refused this server's configuration.";
			default -> "WeChat answered something unexpected.";
		};
		return problem(code, detail, errcode);
	}

	/**
	 * Return the {@code code} a failure of the login services is answered with: the one mapping of
	 * failures to codes, which the login and refresh counters share with the replies.
	 * @param failure what a login service threw
	 * @return the code of the reply
	 */
	public static WxErrorCode errorCodeOf(Throwable failure) {
		if (failure instanceof WxLoginException login) {
			return errorCode(login.reason());
		}
		if (failure instanceof WxApiException wechat) {
			return errorCode(wechat);
		}
		if (failure instanceof WxPushException push) {
			return switch (push.getReason()) {
				case NOT_CONFIGURED -> WxErrorCode.NOT_FOUND;
				case BAD_SIGNATURE, STALE_TIMESTAMP, WRONG_APPID -> WxErrorCode.UNAUTHORIZED;
				case MALFORMED -> WxErrorCode.INVALID_REQUEST;
			};
		}
		if (failure instanceof DataAccessException store && StoreFailures.isOutage(store)) {
			return WxErrorCode.STORE_UNAVAILABLE;
		}
		return WxErrorCode.INTERNAL_ERROR;
	}

	private static WxErrorCode errorCode(Reason reason) {
		return switch (reason) {
			case INVALID_REQUEST -> WxErrorCode.INVALID_REQUEST;
			case NOT_SIGNED_IN, USER_GONE, APP_NOT_SERVED -> WxErrorCode.UNAUTHORIZED;
			case INVALID_REFRESH_TOKEN -> WxErrorCode.INVALID_REFRESH_TOKEN;
			case SESSION_EXPIRED -> WxErrorCode.SESSION_EXPIRED;
			case ACCOUNT_DISABLED -> WxErrorCode.ACCOUNT_DISABLED;
			case PHONE_CONFLICT -> WxErrorCode.PHONE_CONFLICT;
			case IDENTITY_CONFLICT -> WxErrorCode.IDENTITY_CONFLICT;
			case CONTENT_REJECTED -> WxErrorCode.CONTENT_REJECTED;
			case IMAGE_TOO_LARGE -> WxErrorCode.IMAGE_TOO_LARGE;
			case UNSUPPORTED_IMAGE -> WxErrorCode.UNSUPPORTED_IMAGE;
			case AVATAR_NOT_FOUND, NOT_FOUND -> WxErrorCode.NOT_FOUND;
		};
	}

	private static WxErrorCode errorCode(WxApiException ex) {
		return switch (ex.getReason()) {
			case INVALID_CODE -> WxErrorCode.INVALID_CODE;
			case RATE_LIMITED -> WxErrorCode.RATE_LIMITED;
			case RISKY_USER -> WxErrorCode.RISKY_USER;
			case BUSY, UNAVAILABLE -> WxErrorCode.WECHAT_UNAVAILABLE;
			// A token rejected after its replacement: WeChat does not accept this server's credentials
			case CONFIGURATION, TOKEN_REJECTED -> WxErrorCode.WECHAT_CONFIG_ERROR;
			case BAD_RESPONSE, REFUSED -> WxErrorCode.WECHAT_BAD_RESPONSE;
		};
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> pushRefused(WxPushException ex) {
		WxErrorCode code = errorCodeOf(ex);
		if (ex.getReason() != WxPushException.Reason.NOT_CONFIGURED) {
			// A wrong token or key on either side shows here first; the message holds no secret
			logger.warn("A WeChat message push was refused: " + ex.getMessage());
		}
		return problem(code, "The push is not a valid WeChat message push for this mini program.", null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException ex) {
		return problem(WxErrorCode.IMAGE_TOO_LARGE, "The upload is larger than this server accepts.", null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> uploadUnreadable(MultipartException ex) {
		return problem(WxErrorCode.INVALID_REQUEST, "The upload is not a readable multipart/form-data body.", null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> partMissing(MissingServletRequestPartException ex) {
		return problem(WxErrorCode.INVALID_REQUEST, "The upload has no part named 'file'.", null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		// The request records refuse a bad field while the body is read: that refusal is the answer
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof WxLoginException refused) {
				return loginFailed(refused);
			}
		}
		return problem(WxErrorCode.INVALID_REQUEST, "The request body is not a readable JSON object.", null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(WxErrorCode.INVALID_REQUEST, "The request body must be application/json.", null,
				HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return problem(WxErrorCode.INVALID_REQUEST, "The endpoints answer with JSON only.", null,
				HttpStatus.NOT_ACCEPTABLE);
	}

	/**
	 * Redis or the database did not answer within its timeout, or could not be reached: a retry can
	 * succeed. Other data access failures (bad SQL, a violated constraint) are bugs, answered as such.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeFailed(DataAccessException ex) throws Exception {
		if (errorCodeOf(ex) != WxErrorCode.STORE_UNAVAILABLE) {
			return unexpected(ex);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("A store did not answer: " + ex.getClass().getName());
		}
		return problem(WxErrorCode.STORE_UNAVAILABLE, "The store did not answer in time; try again shortly.", null);
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
		return problem(WxErrorCode.INTERNAL_ERROR, "Something unexpected went wrong; it has been logged.", null);
	}

	private ResponseEntity<ProblemDetail> problem(WxErrorCode code, String detail, @Nullable Integer errcode) {
		return problem(code, detail, errcode, code.status());
	}

	private ResponseEntity<ProblemDetail> problem(WxErrorCode code, String detail, @Nullable Integer errcode,
			HttpStatus status) {
		String retryAfter = switch (code) {
			case RATE_LIMITED -> RATE_LIMIT_RETRY_AFTER;
			case WECHAT_UNAVAILABLE -> UNAVAILABLE_RETRY_AFTER;
			case STORE_UNAVAILABLE -> STORE_RETRY_AFTER;
			default -> null;
		};
		return problem(code, detail, errcode, status, retryAfter);
	}

	private ResponseEntity<ProblemDetail> problem(WxErrorCode code, String detail, @Nullable Integer errcode,
			HttpStatus status, @Nullable String retryAfter) {
		ProblemDetail problem = ProblemJsonWriter.problem(status, code.code(), detail);
		if (errcode != null) {
			problem.setProperty("wxErrcode", errcode);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (retryAfter != null) {
			response.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return response.body(problem);
	}

}
