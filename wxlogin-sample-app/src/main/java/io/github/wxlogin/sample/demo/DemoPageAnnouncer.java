package io.github.wxlogin.sample.demo;

import io.github.wxlogin.test.FakeWeChatServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs where the demo page is, once the application is ready, so that the person who started the demo
 * knows what to open.
 */
@Component
@ConditionalOnBean(FakeWeChatServer.class)
class DemoPageAnnouncer implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(DemoPageAnnouncer.class);

	private final Environment environment;

	DemoPageAnnouncer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		// The port of the server serving the page, never a management server's
		String port = this.environment.getProperty("local.server.port");
		if (port == null) {
			return;
		}
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		logger.info("Demo page: http://localhost:" + port + contextPath + "/");
	}

}
