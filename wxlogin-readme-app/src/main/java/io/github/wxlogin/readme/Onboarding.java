package io.github.wxlogin.readme;

import io.github.wxlogin.event.WxNewUserEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
class Onboarding {

	private static final Log logger = LogFactory.getLog(Onboarding.class);

	@EventListener
	void welcome(WxNewUserEvent event) {
		logger.info("New user " + event.accountId() + " by " + event.method()); // your own onboarding goes here
	}

}
