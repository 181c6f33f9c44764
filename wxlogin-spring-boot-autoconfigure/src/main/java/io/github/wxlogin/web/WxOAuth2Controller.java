package io.github.wxlogin.web;

import java.util.Map;

import io.github.wxlogin.http.WxLoginEndpoints;
import io.github.wxlogin.http.WxProblem;
import io.github.wxlogin.oauth2.WxIntrospectionClients;
import io.github.wxlogin.oauth2.WxTokenIntrospector;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoints of the OAuth standards, mounted under {@code wx.login.endpoints.base-path}: RFC 7662
 * introspection for the services configured as clients (HTTP Basic), and RFC 7009 revocation for the
 * client that holds a token. Both take form-encoded bodies, as the RFCs have it.
 */
@RestController
@RequestMapping(WxLoginEndpoints.BASE_PATH_MAPPING)
public class WxOAuth2Controller {

	private final WxTokenIntrospector introspector;

	private final WxIntrospectionClients clients;

	/**
	 * Create the controller.
	 * @param introspector what the endpoints ask of a token
	 * @param clients the services that may introspect
	 */
	public WxOAuth2Controller(WxTokenIntrospector introspector, WxIntrospectionClients clients) {
		this.introspector = introspector;
		this.clients = clients;
	}

	@PostMapping(path = WxLoginEndpoints.INTROSPECT, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	public ResponseEntity<?> introspect(@RequestParam(name = "token", required = false) @Nullable String token,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (!this.clients.any()) {
			return WxProblem.noEndpoint().toResponseEntity();
		}
		if (this.clients.authenticate(authorization) == null) {
			ResponseEntity<ProblemDetail> refused = WxProblem.introspectionClientUnknown().toResponseEntity();
			return ResponseEntity.status(refused.getStatusCode())
				.headers(refused.getHeaders())
				.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"wxlogin\"")
				.body(refused.getBody());
		}
		if (token == null || token.isBlank()) {
			return WxProblem.tokenMissing().toResponseEntity();
		}
		Map<String, Object> response = this.introspector.introspect(token);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
	}

	@PostMapping(path = WxLoginEndpoints.REVOKE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	public ResponseEntity<?> revoke(@RequestParam(name = "token", required = false) @Nullable String token,
			HttpServletRequest request) {
		if (token == null || token.isBlank()) {
			return WxProblem.tokenMissing().toResponseEntity();
		}
		this.introspector.revoke(token, ClientAddress.of(request).ip());
		return ResponseEntity.ok().build();
	}

}
