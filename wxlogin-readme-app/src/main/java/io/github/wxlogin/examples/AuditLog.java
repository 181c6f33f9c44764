package io.github.wxlogin.examples;

import io.github.wxlogin.event.WxLoginAuditEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
class AuditLog {

	private static final Log logger = LogFactory.getLog("audit");

	@EventListener
	void onSignIn(WxLoginAuditEvent event) {
		logger.info(event.action() + " " + event.outcome() + " account=" + event.accountId() + " app="
				+ event.appid() + " openid=" + event.openid() + " ip=" + event.ip() + " session=" + event.sessionId());
	}

}
