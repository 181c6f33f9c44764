package io.github.wxlogin.sample.demo;

import io.github.wxlogin.test.FakeWeChatServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs where the demo page is, once the web server listens, so that the person who started the demo
 * knows what to open.
 */
@Component
@ConditionalOnBean(FakeWeChatServer.class)
class DemoPageAnnouncer implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(DemoPageAnnouncer.class);

	private final Environment environment;

	DemoPageAnnouncer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return; // a management server, not the one serving the page
		}
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		logger.info("Demo page: http://localhost:" + event.getWebServer().getPort() + contextPath + "/");
	}

}
