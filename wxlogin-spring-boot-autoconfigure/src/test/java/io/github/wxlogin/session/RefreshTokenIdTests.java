package io.github.wxlogin.session;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenIdTests {

	private final SecureRandom random = new SecureRandom();

	@Test
	void newTokenCarriesItsFamilyAndIsKnownByItsHashOnly() {
		String familyId = RefreshTokenId.newFamilyId(this.random);
		String token = RefreshTokenId.newToken(familyId, this.random);
		assertThat(token).startsWith(familyId + ".").hasSize(22 + 1 + 43);
		assertThat(RefreshTokenId.of(token)).hasValueSatisfying((id) -> {
			assertThat(id.familyId()).isEqualTo(familyId);
			assertThat(id.hash()).hasSize(43).doesNotContain(token.substring(23));
			assertThat(id).isEqualTo(RefreshTokenId.ofNewToken(familyId, token));
		});
	}

	@Test
	void tokensOfOneFamilyDifferInTheirSecret() {
		String familyId = RefreshTokenId.newFamilyId(this.random);
		String first = RefreshTokenId.newToken(familyId, this.random);
		String second = RefreshTokenId.newToken(familyId, this.random);
		assertThat(first).isNotEqualTo(second);
		assertThat(RefreshTokenId.of(first).orElseThrow().hash()).isNotEqualTo(RefreshTokenId.of(second).orElseThrow().hash());
	}

	@Test
	void tokenMovedToAnotherFamilyHashesToAnotherToken() {
		String token = RefreshTokenId.newToken(RefreshTokenId.newFamilyId(this.random), this.random);
		String otherFamily = RefreshTokenId.newFamilyId(this.random);
		String moved = otherFamily + token.substring(22);
		assertThat(RefreshTokenId.of(moved)).hasValueSatisfying((id) -> {
			assertThat(id.familyId()).isEqualTo(otherFamily);
			assertThat(id.hash()).isNotEqualTo(RefreshTokenId.of(token).orElseThrow().hash());
		});
	}

	@Test
	void somethingElseIsNotARefreshToken() {
		String token = RefreshTokenId.newToken(RefreshTokenId.newFamilyId(this.random), this.random);
		assertThat(RefreshTokenId.of("")).isEmpty();
		assertThat(RefreshTokenId.of(token.substring(23))).isEmpty();
		assertThat(RefreshTokenId.of(token + "x")).isEmpty();
		assertThat(RefreshTokenId.of(token.replace('.', ':'))).isEmpty();
		assertThat(RefreshTokenId.of("{" + token.substring(1))).isEmpty();
		assertThat(RefreshTokenId.of(token.substring(0, 22) + "." + token.substring(0, 22))).isEmpty();
	}

}
