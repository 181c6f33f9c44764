package io.github.wxlogin.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wxlogin.WxBan;
import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.session.TokenStoreUnavailableException;
import io.github.wxlogin.session.WxSessionEndReason;
import io.github.wxlogin.wechat.WxApiException;
import io.github.wxlogin.wechat.WxPushException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * One error of the starter as the client sees it: status, the contract's {@code code}, the detail, WeChat's
 * errcode and when to retry. Every refusal the starter makes is spelled here once, whether the endpoints'
 * advice returns it to Spring MVC or a filter, the security chain or Tomcat's error report writes it with
 * {@link ProblemJsonWriter}.
 *
 * @param code the contract's code
 * @param status the HTTP status, usually the code's own
 * @param detail an explanation for the client, never holding a secret, token, code or session key
 * @param wxErrcode WeChat's errcode, or {@code null} when WeChat gave none
 * @param retryAfter when the client may try again, or {@code null} when it should not
 * @param members the members next to {@code code}, in order: {@value #REASON} (why a token that was valid
 * once stopped working, {@link WxSessionEndReason#code()}), {@value #UNTIL} and {@value #BAN_REASON} (the
 * ban of a disabled account)
 */
public record WxProblem(WxErrorCode code, HttpStatusCode status, String detail, @Nullable Integer wxErrcode,
		@Nullable Duration retryAfter, Map<String, String> members) {

	/** The member that says why a token that was valid once stopped working. */
	public static final String REASON = "reason";

	/** The member that says when an account's ban ends (ISO-8601, UTC). */
	public static final String UNTIL = "until";

	/** The member that carries the host's reason code of an account's ban. */
	public static final String BAN_REASON = "banReason";

	/** WeChat's per-user quota is per minute. */
	private static final Duration WECHAT_QUOTA_RETRY = Duration.ofSeconds(60);

	private static final Duration WECHAT_UNAVAILABLE_RETRY = Duration.ofSeconds(5);

	/** A store comes back within seconds of its outage: the client may retry soon. */
	private static final Duration STORE_RETRY = Duration.ofSeconds(1);

	private static final int CONTENT_TOO_LARGE = 413;

	public WxProblem {
		members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
	}

	/**
	 * Create a problem without members of its own.
	 * @param code the contract's code
	 * @param status the HTTP status, usually the code's own
	 * @param detail an explanation for the client
	 * @param wxErrcode WeChat's errcode, or {@code null} when WeChat gave none
	 * @param retryAfter when the client may try again, or {@code null} when it should not
	 */
	public WxProblem(WxErrorCode code, HttpStatusCode status, String detail, @Nullable Integer wxErrcode,
			@Nullable Duration retryAfter) {
		this(code, status, detail, wxErrcode, retryAfter, Map.of());
	}

	/**
	 * Return the problem of a code, with the code's status and its usual wait before a retry.
	 * @param code the contract's code
	 * @param detail an explanation for the client
	 * @return the problem
	 */
	public static WxProblem of(WxErrorCode code, String detail) {
		return of(code, code.status(), detail);
	}

	private static WxProblem of(WxErrorCode code, HttpStatusCode status, String detail) {
		Duration retryAfter = switch (code) {
			case RATE_LIMITED -> WECHAT_QUOTA_RETRY;
			case WECHAT_UNAVAILABLE -> WECHAT_UNAVAILABLE_RETRY;
			case STORE_UNAVAILABLE -> STORE_RETRY;
			default -> null;
		};
		return new WxProblem(code, status, detail, null, retryAfter);
	}

	/**
	 * Return the problem a failure is answered with, its code as {@link WxErrorCodes} maps it.
	 * @param failure what a login service, WeChat's client, the push or a store threw
	 * @return the problem
	 */
	public static WxProblem of(Throwable failure) {
		WxErrorCode code = WxErrorCodes.of(failure);
		if (failure instanceof WxLoginException login) {
			return of(code, login.getMessage()).withMembers(login.endReason(), login.ban());
		}
		if (failure instanceof WxApiException wechat) {
			Integer errcode = (wechat.getErrcode() != WxApiException.NO_ERRCODE) ? wechat.getErrcode() : null;
			WxProblem problem = of(code, wechatDetail(wechat.getReason()));
			return new WxProblem(code, problem.status(), problem.detail(), errcode, problem.retryAfter());
		}
		if (failure instanceof WxPushException) {
			return of(code, "The push is not a valid WeChat message push for this mini program.");
		}
		if (failure instanceof TokenStoreUnavailableException) {
			return of(code, "The token could not be checked in time; try again shortly.");
		}
		return switch (code) {
			case STORE_UNAVAILABLE -> of(code, "The store did not answer in time; try again shortly.");
			default -> internalError();
		};
	}

	/**
	 * Anything unexpected, answered without its details (it is logged on the server).
	 * @return the problem
	 */
	public static WxProblem internalError() {
		return of(WxErrorCode.INTERNAL_ERROR, "Something unexpected went wrong; it has been logged.");
	}

	private static String wechatDetail(WxApiException.Reason reason) {
		return switch (reason) {
			case INVALID_CODE -> "WeChat rejected the code: it is invalid, expired or used.";
			case RATE_LIMITED -> "WeChat's quota for this user is spent; try again later.";
			case RISKY_USER -> "WeChat blocked this login as high-risk.";
			case BUSY, UNAVAILABLE -> "WeChat is busy or unreachable; try again shortly.";
			case CONFIG_ERROR, TOKEN_REJECTED -> "WeChat refused this server's configuration.";
			case BAD_RESPONSE, REFUSED -> "WeChat answered something unexpected.";
		};
	}

	/**
	 * A client used up the starter's own allowance of an endpoint.
	 * @param retryAfter when the allowance has room again
	 * @return the problem
	 */
	public static WxProblem rateLimited(Duration retryAfter) {
		return new WxProblem(WxErrorCode.RATE_LIMITED, WxErrorCode.RATE_LIMITED.status(),
				"Too many requests; try again later.", null, retryAfter);
	}

	/**
	 * A request without a valid Bearer access token.
	 * @return the problem
	 */
	public static WxProblem unauthorized() {
		return of(WxErrorCode.UNAUTHORIZED, "A valid Bearer access token is required.");
	}

	/**
	 * A request whose Bearer access token was valid once and is refused now.
	 * @param reason why it stopped working
	 * @return the problem, with its {@value #REASON} member
	 */
	public static WxProblem unauthorized(WxSessionEndReason reason) {
		return unauthorized().withMembers(reason, null);
	}

	private WxProblem withMembers(@Nullable WxSessionEndReason reason, @Nullable WxBan ban) {
		Map<String, String> members = new LinkedHashMap<>(this.members);
		if (reason != null) {
			members.put(REASON, reason.code());
		}
		if (ban != null && ban.until() != null) {
			members.put(UNTIL, ban.until().toString());
		}
		if (ban != null && ban.reason() != null) {
			members.put(BAN_REASON, ban.reason());
		}
		return new WxProblem(this.code, this.status, this.detail, this.wxErrcode, this.retryAfter, members);
	}

	/**
	 * An authenticated request its access token does not allow.
	 * @return the problem
	 */
	public static WxProblem forbidden() {
		return of(WxErrorCode.FORBIDDEN, "The access token does not allow this request.");
	}

	/**
	 * A request path that Spring Security's firewall rejects.
	 * @return the problem
	 */
	public static WxProblem pathRejected() {
		return of(WxErrorCode.INVALID_REQUEST, "The request path is not in a form this server accepts.");
	}

	/**
	 * A path under the base path with no endpoint.
	 * @return the problem
	 */
	public static WxProblem noEndpoint() {
		return of(WxErrorCode.NOT_FOUND, "There is no endpoint at this path.");
	}

	/**
	 * A method the endpoint does not take; the {@code Allow} header is the caller's to set.
	 * @return the problem
	 */
	public static WxProblem methodNotAllowed() {
		return of(WxErrorCode.METHOD_NOT_ALLOWED, "This endpoint does not take this method.");
	}

	/**
	 * A JSON body over the endpoints' cap: 413 with the code of every malformed request.
	 * @param maxBytes the largest body accepted
	 * @return the problem
	 */
	public static WxProblem bodyTooLarge(long maxBytes) {
		return of(WxErrorCode.INVALID_REQUEST, HttpStatusCode.valueOf(CONTENT_TOO_LARGE),
				"The request body is larger than " + maxBytes + " bytes.");
	}

	/**
	 * A body that is not JSON, to an endpoint that reads JSON only.
	 * @return the problem
	 */
	public static WxProblem bodyNotJson() {
		return of(WxErrorCode.INVALID_REQUEST, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"The request body must be application/json.");
	}

	/**
	 * A body that is not a form, to the OAuth token endpoints, which read forms only (RFC 7662, RFC 7009).
	 * @return the problem
	 */
	public static WxProblem bodyNotForm() {
		return of(WxErrorCode.INVALID_REQUEST, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"The request body must be application/x-www-form-urlencoded.");
	}

	/**
	 * A form without the token the OAuth token endpoints act on.
	 * @return the problem
	 */
	public static WxProblem tokenMissing() {
		return of(WxErrorCode.INVALID_REQUEST, "The form's 'token' is required.");
	}

	/**
	 * An introspection without the credentials of a configured client.
	 * @return the problem
	 */
	public static WxProblem introspectionClientUnknown() {
		return of(WxErrorCode.UNAUTHORIZED,
				"Introspection needs the client id and secret of a configured client (HTTP Basic).");
	}

	/**
	 * A body that does not read as a JSON object.
	 * @return the problem
	 */
	public static WxProblem bodyUnreadable() {
		return of(WxErrorCode.INVALID_REQUEST, "The request body is not a readable JSON object.");
	}

	/**
	 * A request that accepts no JSON answer.
	 * @return the problem
	 */
	public static WxProblem notAcceptable() {
		return of(WxErrorCode.INVALID_REQUEST, HttpStatus.NOT_ACCEPTABLE, "The endpoints answer with JSON only.");
	}

	/**
	 * An avatar upload over the upload cap, refused before or while its parts are parsed.
	 * @return the problem
	 */
	public static WxProblem uploadTooLarge() {
		return of(WxErrorCode.IMAGE_TOO_LARGE, "The upload is larger than this server accepts.");
	}

	/**
	 * An avatar upload that is not {@code multipart/form-data}.
	 * @return the problem
	 */
	public static WxProblem uploadNotMultipart() {
		return of(WxErrorCode.INVALID_REQUEST, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"The upload must be multipart/form-data with the image in the part 'file'.");
	}

	/**
	 * An avatar upload whose parts do not parse.
	 * @return the problem
	 */
	public static WxProblem uploadUnreadable() {
		return of(WxErrorCode.INVALID_REQUEST, "The upload is not a readable multipart/form-data body.");
	}

	/**
	 * An avatar upload without its image part.
	 * @return the problem
	 */
	public static WxProblem uploadPartMissing() {
		return of(WxErrorCode.INVALID_REQUEST, "The upload has no part named 'file'.");
	}

	/**
	 * An error the servlet container answered itself, before any application code ran.
	 * @param status the container's status
	 * @return the problem, with that status
	 */
	public static WxProblem ofContainerStatus(int status) {
		WxErrorCode code = switch (status) {
			case 404 -> WxErrorCode.NOT_FOUND;
			case 405 -> WxErrorCode.METHOD_NOT_ALLOWED;
			case 401 -> WxErrorCode.UNAUTHORIZED;
			default -> (status >= 500) ? WxErrorCode.INTERNAL_ERROR : WxErrorCode.INVALID_REQUEST;
		};
		String detail = (status >= 500) ? "The server could not answer this request."
				: "The server refused this request.";
		return new WxProblem(code, HttpStatusCode.valueOf(status), detail, null, null);
	}

	/**
	 * Return the {@code Retry-After} header's value: whole seconds, rounded up, at least one.
	 * @return the seconds, or {@code null} when the client should not retry
	 */
	public @Nullable String retryAfterHeader() {
		return (this.retryAfter != null) ? Long.toString(Math.max(1, (this.retryAfter.toMillis() + 999) / 1000))
				: null;
	}

	/**
	 * Return the body: the status, its reason phrase as the title, the detail, the {@code code}, where
	 * WeChat gave one, {@code wxErrcode}, and the problem's own members.
	 * @return the body
	 */
	public ProblemDetail body() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, this.detail);
		if (this.status.value() == CONTENT_TOO_LARGE) {
			// RFC 9110's title: Spring 6 still calls it "Payload Too Large"
			problem.setTitle("Content Too Large");
		}
		if (problem.getTitle() == null) {
			problem.setTitle("Error");
		}
		problem.setProperty("code", this.code.code());
		if (this.wxErrcode != null) {
			problem.setProperty("wxErrcode", this.wxErrcode);
		}
		this.members.forEach(problem::setProperty);
		return problem;
	}

	/**
	 * Return the problem as Spring MVC writes it: status, {@code problem+json}, {@code Retry-After} and body.
	 * @return the response
	 */
	public ResponseEntity<ProblemDetail> toResponseEntity() {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(this.status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		String retryAfter = retryAfterHeader();
		if (retryAfter != null) {
			response.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return response.body(body());
	}

}
