package io.github.wxlogin.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The sample application in demo mode on a random port, with its users in an in-memory database so
 * that tests leave no {@code ./data} behind, and the limits on logins and refreshes per client address
 * raised: every test logs in from this machine. Every test class with this annotation shares one running
 * application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:wxlogin-sample-tests;DB_CLOSE_DELAY=-1",
				"wx.login.rate-limit.login-per-ip=100000", "wx.login.rate-limit.refresh-per-ip=100000" })
@interface DemoApplicationTest {

}
