package io.github.wxlogin.login;

import io.github.wxlogin.WxProfile;
import io.github.wxlogin.login.WxLoginException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a nickname and an avatar URL may be, from the client's form and from WeChat; no WeChat and no
 * store involved.
 */
class ProfileRulesTests {

	private static void assertInvalid(ProfileChange change, String message) {
		assertThatExceptionOfType(WxLoginException.class).isThrownBy(() -> ProfileRules.ofForm(change))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INVALID_REQUEST))
			.withMessageContaining(message);
	}

	@Test
	void aFormMustChangeSomething() {
		assertInvalid(new ProfileChange(null, null), "'nickname', 'avatarUrl' or both");
	}

	@Test
	void aNicknameIsTrimmed() {
		assertThat(ProfileRules.ofForm(new ProfileChange("\t Alice \n", null)))
			.isEqualTo(new WxProfile("Alice", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void aBlankNicknameIsRefused(String nickname) {
		assertInvalid(new ProfileChange(nickname, null), "1 to 64 characters");
	}

	@Test
	void aNicknameOf64CharactersIsKeptAndOf65Refused() {
		String emoji = "\uD83D\uDE00";
		assertThat(ProfileRules.ofForm(new ProfileChange(emoji.repeat(64), null)).nickname())
			.isEqualTo(emoji.repeat(64));
		assertInvalid(new ProfileChange("a".repeat(65), null), "1 to 64 characters");
	}

	@Test
	void aNicknameWithAControlCharacterIsRefused() {
		assertInvalid(new ProfileChange("Al\u0007ice", null), "control characters");
	}

	@Test
	void aFormsAvatarMustBeAnHttpsUrl() {
		assertThat(ProfileRules.ofForm(new ProfileChange(null, "https://cdn.example.com/a.png")))
			.isEqualTo(new WxProfile(null, "https://cdn.example.com/a.png"));
		assertInvalid(new ProfileChange(null, "http://cdn.example.com/a.png"), "https URL");
		assertInvalid(new ProfileChange(null, "javascript:alert(1)"), "https URL");
		assertInvalid(new ProfileChange(null, "https:///no-host"), "https URL");
	}

	@Test
	void anOverLongAvatarUrlIsRefused() {
		String url = "https://cdn.example.com/" + "a".repeat(ProfileChange.MAX_AVATAR_URL_LENGTH);
		assertInvalid(new ProfileChange(null, url), "longer than");
	}

	@Test
	void weChatsPlaceholdersAreNotAProfile() {
		String greyAvatar = "https://thirdwx.qlogo.cn/mmopen/vi_32/"
				+ "POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132";
		assertThat(ProfileRules.ofWeChat("微信用户", greyAvatar)).isNull();
		assertThat(ProfileRules.ofWeChat(null, null)).isNull();
		assertThat(ProfileRules.ofWeChat("微信用户", "https://wx.qlogo.cn/mmopen/alice/132"))
			.isEqualTo(new WxProfile(null, "https://wx.qlogo.cn/mmopen/alice/132"));
		assertThat(ProfileRules.ofWeChat("Alice", greyAvatar)).isEqualTo(new WxProfile("Alice", null));
	}

	@Test
	void weChatsOwnAvatarMayBePlainHttp() {
		assertThat(ProfileRules.ofWeChat("Alice", "http://wx.qlogo.cn/mmopen/alice/132"))
			.isEqualTo(new WxProfile("Alice", "http://wx.qlogo.cn/mmopen/alice/132"));
	}

}
