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
 * {@code wx.login.appid} and {@code wx.login.secret} with the highest precedence, so the
 * test talks to the fake whatever {@code application.yml}, test properties or the
 * environment say. The fake serves the AppID given here, else the application's own
 * {@code wx.login.appid} when it is a well-formed AppID, else
 * {@value FakeWeChatServer#DEFAULT_APPID}; where the configuration names another AppID,
 * AppSecret or server, a WARN says which value the fake replaced. A test that needs other
 * values (a wrong secret, say) uses {@link FakeWeChatServerExtension} with
 * {@link FakeWeChatProperties#registerProperties} instead.
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
	 * AppID the fake accepts; empty for the application's own {@code wx.login.appid} or,
	 * when that is not set, {@value FakeWeChatServer#DEFAULT_APPID}.
	 * @return the AppID
	 */
	String appid() default "";

	/**
	 * AppSecret the fake accepts; empty for a random one.
	 * @return the AppSecret
	 */
	String secret() default "";

	/**
	 * Whether the fake's mini program has WeChat's API security on: its secured calls must be encrypted
	 * and signed, and the context's environment gets the matching {@code wx.login.api-security.*}
	 * properties (fresh keys, PKCS#1 private key, one platform certificate; see
	 * {@link FakeWeChatServer#enableApiSecurity()}).
	 * @return whether API security is on
	 */
	boolean apiSecurity() default false;

}
