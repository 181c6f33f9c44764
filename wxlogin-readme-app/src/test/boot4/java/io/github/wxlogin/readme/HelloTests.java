package io.github.wxlogin.readme;

import io.github.wxlogin.test.AutoConfigureFakeWeChat;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.WxLoginMockMvc;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureFakeWeChat
class HelloTests {

	@Autowired
	MockMvc mockMvc;

	@Autowired
	FakeWeChatServer wechat;

	@Test
	void helloAnswersALoggedInUser() throws Exception {
		WxLoginMockMvc.Tokens tokens = WxLoginMockMvc.login(this.mockMvc, this.wechat, "openid-1");

		this.mockMvc.perform(get("/api/hello").header("Authorization", tokens.authorization()))
			.andExpect(status().isOk());
	}

}
