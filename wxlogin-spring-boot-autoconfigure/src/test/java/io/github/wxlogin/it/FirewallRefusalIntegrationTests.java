package io.github.wxlogin.it;

import java.nio.charset.StandardCharsets;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Requests that Spring Security's firewall refuses before any filter chain runs: a header whose UTF-8
 * bytes read as control characters.
 */
class FirewallRefusalIntegrationTests extends HostIntegrationTest {

	// "界" is E7 95 8C in UTF-8: 0x95 and 0x8C are control characters to a server that reads ISO-8859-1
	private static final String CJK_TOKEN = "界界界";

	private static final byte[] BODY = "{\"code\":\"x\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void refusalOnAStarterEndpointIsAProblem() {
		Reply reply = RawBytesHttp.send(this.port, "POST", "/wx/login", CJK_TOKEN, "application/json", BODY);
		assertProblem(reply, 400, "invalid_request");
	}

}
