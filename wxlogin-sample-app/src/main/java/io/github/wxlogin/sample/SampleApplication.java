package io.github.wxlogin.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A back end for a WeChat Mini Program that logs its users in with the wxlogin starter. Without
 * {@code wx.login.api-base-url} it runs in demo mode against an in-process fake of WeChat's server.
 *
 * @see io.github.wxlogin.sample.demo.DemoMode
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
