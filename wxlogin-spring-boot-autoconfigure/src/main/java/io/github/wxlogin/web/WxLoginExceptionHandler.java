package io.github.wxlogin.web;

import io.github.wxlogin.security.ProblemJsonWriter;
import io.github.wxlogin.wechat.WxApiException;
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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Answers every failure of the login endpoints with {@code problem+json} carrying the contract's
 * {@code code} (and WeChat's {@code wxErrcode}). Scoped to {@link WxLoginController}, so the host's own
 * error handling stays as it is.
 */
@RestControllerAdvice(assignableTypes = WxLoginController.class)
public class WxLoginExceptionHandler {

	private static final Log logger = LogFactory.getLog(WxLoginExceptionHandler.class);

	/** WeChat's per-user quota is per minute. */
	private static final String RATE_LIMIT_RETRY_AFTER = "60";

	private static final String UNAVAILABLE_RETRY_AFTER = "5";

	/** A store comes back within seconds of its outage: the client may retry soon. */
	private static final String STORE_RETRY_AFTER = "1";

	private final WxLoginMetrics metrics;

	/**
	 * Create a handler.
	 * @param metrics where refused logins and refreshes are counted
	 */
	public WxLoginExceptionHandler(WxLoginMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> loginFailed(WxLoginException ex) {
		return problem(ex.getErrorCode(), ex.getMessage(), null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(WxRateLimitInterceptor.WxRateLimitExceededException ex) {
		return problem(ex.getErrorCode(), ex.getMessage(), null, ex.getErrorCode().status(),
				Long.toString(ex.retryAfterSeconds()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> wechatFailed(WxApiException ex) {
		Integer errcode = (ex.getErrcode() != WxApiException.NO_ERRCODE) ? ex.getErrcode() : null;
		return switch (ex.getReason()) {
			case INVALID_CODE -> problem(WxErrorCode.INVALID_CODE,
					"WeChat rejected the code: it is invalid, expired or used.", errcode);
			case RATE_LIMITED -> problem(WxErrorCode.RATE_LIMITED,
					"WeChat's quota for this user is spent; try again later.", errcode);
			case RISKY_USER -> problem(WxErrorCode.RISKY_USER, "WeChat blocked this login as high-risk.", errcode);
			case BUSY, UNAVAILABLE -> problem(WxErrorCode.WECHAT_UNAVAILABLE,
					"WeChat is busy or unreachable; try again shortly.", errcode);
			// A token rejected after its replacement: WeChat does not accept this server's credentials
			case CONFIGURATION, TOKEN_REJECTED -> problem(WxErrorCode.WECHAT_CONFIG_ERROR,
					"WeChat refused this server's configuration.", errcode);
			case BAD_RESPONSE, REFUSED -> problem(WxErrorCode.WECHAT_BAD_RESPONSE,
					"WeChat answered something unexpected.", errcode);
		};
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
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
		if (!StoreFailures.isOutage(ex)) {
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
		countRefusal(code);
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

	private void countRefusal(WxErrorCode code) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			String path = attributes.getRequest().getRequestURI();
			if (path.endsWith("/login")) {
				this.metrics.login(code.code());
			}
			else if (path.endsWith("/token/refresh")) {
				this.metrics.refresh(code.code());
			}
		}
	}

}
