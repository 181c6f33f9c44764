package io.github.wxlogin.test;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake server's safe-mode encryption against WeChat's own published sample (the Java sample's test of
 * its message-crypto download): the same key, random prefix, text and AppID give the same ciphertext.
 */
class MessagePushEncryptionTests {

	@Test
	void safeModeEncryptionGivesTheCiphertextOfWeChatsPublishedSample() {
		String encrypted = MessagePush.encrypt("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
				"aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII), "我是中文abcd123", "wxb11529c136998cb6");
		assertThat(encrypted)
			.isEqualTo("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");
	}

}
