package io.github.wxlogin.readme;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.login.SignInRequest;
import io.github.wxlogin.login.SignedIn;
import io.github.wxlogin.login.WxSignInService;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApps;
import io.github.wxlogin.wechat.WxSessionKeyStore;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SignInConfiguration {

	private static final Log logger = LogFactory.getLog(SignInConfiguration.class);

	@Bean
	WxSignInService signIn(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys, WxUserService users,
			WxTokenService tokens, WxLoginSessionService sessions, ObjectProvider<ObservationRegistry> observations,
			ApplicationEventPublisher events) {
		return new WxSignInService(apps, wechat, sessionKeys, users, tokens, sessions,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), events) {

			@Override
			public SignedIn signIn(SignInRequest request) {
				SignedIn signedIn = super.signIn(request);
				if (signedIn.newUser()) {
					logger.info("New user " + signedIn.user().id()); // your own onboarding goes here
				}
				return signedIn;
			}

		};
	}

}
