package io.github.wxlogin.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatRefererTests {

	@Test
	void refererOfAMiniProgramNamesItsAppid() {
		assertThat(WeChatReferer.appidOf("https://servicewechat.com/wx0123456789abcdef/12/page-frame.html"))
			.isEqualTo("wx0123456789abcdef");
		assertThat(WeChatReferer.appidOf("https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html"))
			.isEqualTo("wx0123456789abcdef");
		assertThat(WeChatReferer.appidOf("https://servicewechat.com/wx0123456789abcdef/0/page-frame.html"))
			.isEqualTo("wx0123456789abcdef");
	}

	@Test
	void otherReferersNameNoApp() {
		assertThat(WeChatReferer.appidOf(null)).isNull();
		assertThat(WeChatReferer.appidOf("")).isNull();
		assertThat(WeChatReferer.appidOf("http://servicewechat.com/wx0123456789abcdef/1/page-frame.html")).isNull();
		assertThat(WeChatReferer.appidOf("https://servicewechat.com.evil.example/wx0123456789abcdef/1/page-frame.html"))
			.isNull();
		assertThat(WeChatReferer.appidOf("https://example.com/wx0123456789abcdef/1/page-frame.html")).isNull();
		assertThat(WeChatReferer.appidOf("https://servicewechat.com/wx0123456789abcdef/1/index.html")).isNull();
		assertThat(WeChatReferer.appidOf("https://servicewechat.com/../wx0123456789abcdef/1/page-frame.html")).isNull();
		assertThat(WeChatReferer.appidOf("https://servicewechat.com/wx%2F/1/page-frame.html")).isNull();
		assertThat(WeChatReferer.appidOf("not a url at all")).isNull();
		assertThat(WeChatReferer.appidOf("https://servicewechat.com/" + "a".repeat(300) + "/1/page-frame.html")).isNull();
	}

}
