package io.github.wxlogin.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Start a {@link FakeWeChatServer} for the application context of a Spring test and point
 * the starter at it.
 * <p>
 * The server is a singleton bean (inject it with {@code @Autowired FakeWeChatServer}),
 * lives as long as the context and is shared by every test class that uses the same cached
 * context. The context's environment gets {@code wx.login.api-base-url},
 * {@code wx.login.appid} and {@code wx.login.secret} with the lowest precedence: a test
 * property can still override them, e.g. to try a wrong secret. When the application's own
 * configuration sets real credentials, give the same ones here so the fake accepts them.
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureFakeWeChat
 * class LoginTests {
 *
 *     &#064;Autowired
 *     FakeWeChatServer wechat;
 *
 * }
 * </pre>
 * Found on the test class, its superclasses, enclosing classes and meta-annotations.
 *
 * @see FakeWeChatServer
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeWeChat {

	/**
	 * AppID the fake accepts; empty for {@value FakeWeChatServer#DEFAULT_APPID}.
	 * @return the AppID
	 */
	String appid() default "";

	/**
	 * AppSecret the fake accepts; empty for a random one.
	 * @return the AppSecret
	 */
	String secret() default "";

}
