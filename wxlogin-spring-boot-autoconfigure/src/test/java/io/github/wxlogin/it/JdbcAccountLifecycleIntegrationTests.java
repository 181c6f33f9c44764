package io.github.wxlogin.it;

import io.github.wxlogin.user.JdbcWxUserService;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AccountLifecycleIntegrationTests} with the accounts in an embedded H2 database.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:account-lifecycle-it;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "wx.login.user-store.type=jdbc" })
class JdbcAccountLifecycleIntegrationTests extends AccountLifecycleIntegrationTests {

	@Test
	void accountsAreKeptInTheDatabase() {
		assertThat(this.store).isInstanceOf(JdbcWxUserService.class);
	}

}
