package io.github.wxlogin.benchmark.defaultchain;

import java.net.http.HttpClient;
import java.time.Duration;

import io.github.wxlogin.WxPrincipal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The sample app's hello pair with the starter and no {@code SecurityFilterChain} of its own, so that the
 * starter's default chain guards {@code /api/hello}. That chain lets no request through without a token,
 * so the unguarded twin is left out of Spring Security altogether (which costs less than the sample app's
 * {@code permitAll()} twin: compare guarded figures across apps, not only the ratios).
 * <p>
 * {@code POST /api/public/relay} is the physical limit of a login: it takes a login's request body, makes
 * the login's one loopback call ({@code code2Session} to the configured WeChat server, through a
 * {@code RestClient} on the JDK's HTTP client as the starter's) and answers WeChat's reply as it is.
 */
@SpringBootApplication
@RestController
public class DefaultChainApplication {

	private static final String ANONYMOUS = "anonymous";

	private final RestClient wechat;

	private final String appid;

	private final String secret;

	DefaultChainApplication(RestClient.Builder restClient, @Value("${wx.login.api-base-url}") String wechat,
			@Value("${wx.login.appid}") String appid, @Value("${wx.login.secret}") String secret) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		this.wechat = restClient.baseUrl(wechat).requestFactory(new JdkClientHttpRequestFactory(client)).build();
		this.appid = appid;
		this.secret = secret;
	}

	public static void main(String[] args) {
		SpringApplication.run(DefaultChainApplication.class, args);
	}

	@Bean
	WebSecurityCustomizer publicHelloOutsideSecurity() {
		return (web) -> web.ignoring().requestMatchers("/api/public/**");
	}

	@GetMapping("/api/hello")
	Hello hello(@AuthenticationPrincipal WxPrincipal caller) {
		return Hello.to(caller.userId(), caller.openid());
	}

	@GetMapping("/api/public/hello")
	Hello publicHello() {
		return Hello.to(ANONYMOUS, ANONYMOUS);
	}

	@PostMapping(path = "/api/public/relay", produces = MediaType.APPLICATION_JSON_VALUE)
	String relay(@RequestBody LoginCode login) {
		return this.wechat.get()
			.uri("/sns/jscode2session?appid={appid}&secret={secret}&js_code={code}&grant_type=authorization_code",
					this.appid, this.secret, login.code())
			.retrieve()
			.body(String.class);
	}

	/** A login's request body. */
	record LoginCode(String code) {
	}

	/** The sample app's greeting. */
	record Hello(String message, String userId, String openid) {

		static Hello to(String userId, String openid) {
			return new Hello("Hello, " + userId + "!", userId, openid);
		}

	}

}
