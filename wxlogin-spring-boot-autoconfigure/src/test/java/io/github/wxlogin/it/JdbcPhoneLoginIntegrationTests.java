package io.github.wxlogin.it;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.user.JdbcWxUserService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone-number login with the users in the JDBC store, on an embedded H2 database: the same flows, with
 * the accounts' rules kept by the tables' keys.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:phone-login-it;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "wx.login.user-store.type=jdbc" })
class JdbcPhoneLoginIntegrationTests extends PhoneLoginIntegrationTests {

	@Autowired
	WxUserService users;

	@Test
	void theUsersAreInTheJdbcStore() {
		assertThat(this.users).isInstanceOf(JdbcWxUserService.class);
	}

}
