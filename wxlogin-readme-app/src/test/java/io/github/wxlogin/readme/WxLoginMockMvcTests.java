package io.github.wxlogin.readme;

import io.github.wxlogin.test.Api;
import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.Fault;
import io.github.wxlogin.test.WxLoginMockMvc;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link WxLoginMockMvc} logs a user of the fake in through the application's own login, with the
 * security filter chain in place.
 */
@SpringBootTest
@AutoConfigureFakeWeChat
class WxLoginMockMvcTests {

	@Autowired
	FakeWeChatServer wechat;

	@Autowired
	WebApplicationContext context;

	MockMvc mockMvc;

	@BeforeEach
	void setUp() {
		this.mockMvc = MockMvcBuilders.webAppContextSetup(this.context)
			.addFilters(this.context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@Test
	void oneCallLogsAUserInAndTheTokenOpensProtectedEndpoints() throws Exception {
		WxLoginMockMvc.Tokens tokens = WxLoginMockMvc.login(this.mockMvc, this.wechat, "openid-mockmvc-1");

		assertThat(tokens.refreshToken()).isNotBlank();
		this.mockMvc.perform(get("/api/hello").header("Authorization", tokens.authorization()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openid").value("openid-mockmvc-1"))
			.andExpect(jsonPath("$.userId").value(tokens.userId()));
		this.mockMvc.perform(get("/api/hello")).andExpect(status().isUnauthorized());
	}

	@Test
	void aRefusedLoginFailsTheTestWithTheReply() {
		this.wechat.failNext(Api.CODE2SESSION, Fault.errcode(40029), 1);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> WxLoginMockMvc.login(this.mockMvc, this.wechat, "openid-mockmvc-2"))
			.withMessageContaining("answered 401")
			.withMessageContaining("invalid_code");
	}

}
