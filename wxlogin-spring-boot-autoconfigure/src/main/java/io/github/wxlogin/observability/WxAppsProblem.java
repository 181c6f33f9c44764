package io.github.wxlogin.observability;

/**
 * A refusal of the {@code wxapps} endpoint, in the problem+json shape of the starter's other errors.
 *
 * @param title the status's reason phrase
 * @param status the HTTP status
 * @param code a stable code: {@code not_found}, {@code invalid_request}, {@code conflict} or
 * {@code read_only}
 * @param detail what was refused and why, never holding a secret
 */
public record WxAppsProblem(String title, int status, String code, String detail) {

}
