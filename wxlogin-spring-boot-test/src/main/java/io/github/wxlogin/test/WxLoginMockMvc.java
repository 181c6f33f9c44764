package io.github.wxlogin.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Logs a user of the fake WeChat server in through the application's own
 * {@code POST /wx/login}, in one call from a {@link MockMvc} test:
 * <pre class="code">
 * WxLoginMockMvc.Tokens tokens = WxLoginMockMvc.login(this.mockMvc, this.wechat, "openid-1");
 * this.mockMvc.perform(get("/api/hello").header("Authorization", tokens.authorization()))
 *     .andExpect(status().isOk());
 * </pre>
 * The login is real: the application exchanges the code with the fake, finds or creates
 * the user and issues its own tokens.
 */
public final class WxLoginMockMvc {

	private static final String DEFAULT_BASE_PATH = "/wx";

	private WxLoginMockMvc() {
	}

	/**
	 * Log a user in at {@code /wx/login}.
	 * @param mockMvc the application's MockMvc
	 * @param wechat the fake WeChat server the application calls
	 * @param openid the user's openid in the fake's primary mini program
	 * @return the tokens the application issued
	 * @throws AssertionError when the login is not answered with 200
	 */
	public static Tokens login(MockMvc mockMvc, FakeWeChatServer wechat, String openid) {
		return login(mockMvc, wechat, openid, DEFAULT_BASE_PATH);
	}

	/**
	 * Log a user in at {@code {basePath}/login}.
	 * @param mockMvc the application's MockMvc
	 * @param wechat the fake WeChat server the application calls
	 * @param openid the user's openid in the fake's primary mini program
	 * @param basePath the application's {@code wx.login.endpoints.base-path}
	 * @return the tokens the application issued
	 * @throws AssertionError when the login is not answered with 200
	 */
	public static Tokens login(MockMvc mockMvc, FakeWeChatServer wechat, String openid, String basePath) {
		Objects.requireNonNull(mockMvc, "mockMvc");
		String code = wechat.issueLoginCode(openid);
		MockHttpServletResponse response;
		try {
			response = mockMvc
				.perform(MockMvcRequestBuilders.post(basePath + "/login")
					.contentType(MediaType.APPLICATION_JSON)
					.content(Json.write(Map.of("code", code))))
				.andReturn()
				.getResponse();
		}
		catch (Exception ex) {
			throw new AssertionError("POST " + basePath + "/login failed: " + ex, ex);
		}
		String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		if (response.getStatus() != 200) {
			throw new AssertionError("POST " + basePath + "/login answered " + response.getStatus() + ": " + body);
		}
		JsonNode reply = Json.readObject(body);
		return new Tokens(reply.path("accessToken").asString(), reply.path("refreshToken").asString(),
				reply.path("user").path("id").asString());
	}

	/**
	 * What the application's login answered.
	 *
	 * @param accessToken the access token, a JWT
	 * @param refreshToken the refresh token
	 * @param userId the user's id in the application
	 */
	public record Tokens(String accessToken, String refreshToken, String userId) {

		/**
		 * Return the value of an {@code Authorization} header that carries the access
		 * token.
		 * @return {@code Bearer} and the access token
		 */
		public String authorization() {
			return "Bearer " + this.accessToken;
		}

		@Override
		public String toString() {
			return "Tokens[userId=" + this.userId + "]";
		}

	}

}
