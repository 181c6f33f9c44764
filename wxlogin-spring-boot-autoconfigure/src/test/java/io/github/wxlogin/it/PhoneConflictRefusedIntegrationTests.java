package io.github.wxlogin.it;

import java.util.Map;

import io.github.wxlogin.it.WxLoginClient.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone conflict under the default policy ({@code wx.login.accounts.phone-conflict=refuse}): 409
 * {@code identity_conflict} as before, no merge offered, and the merge endpoint refuses the same way.
 */
class PhoneConflictRefusedIntegrationTests extends HostIntegrationTest {

	@Test
	void aPhoneConflictIsRefusedAndNoMergeIsOffered() {
		Reply owner = this.client.post("/wx/login/phone", this.fake.issuePhoneLoginCodes("openid-rej-1", "13800139401"));
		assertThat(owner.status().value()).as(owner.body()).isEqualTo(200);
		Reply silent = login("openid-rej-2");

		Reply conflict = this.client.post("/wx/login/phone",
				this.fake.issuePhoneLoginCodes("openid-rej-2", "13800139401"));
		Reply merge = this.client.post("/wx/me/merge", silent.text("accessToken"),
				Map.of("code", this.fake.issuePhoneCode("13800139401", "openid-rej-2")));

		assertProblem(conflict, 409, "identity_conflict");
		assertThat(conflict.json().has("mergeable")).isFalse();
		assertProblem(merge, 409, "identity_conflict");
		assertThat(this.client.get("/api/hello", silent.text("accessToken")).status().value()).isEqualTo(200);
	}

}
