package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.web.WxErrorReportValve;
import org.apache.catalina.Host;
import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat's own error replies as {@code problem+json}, when the server is Tomcat.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ Tomcat.class, ConfigurableTomcatWebServerFactory.class })
class WxTomcatConfiguration {

	@Bean
	WxErrorReportCustomizer wxLoginTomcatErrorReportCustomizer(ProblemJsonWriter problems) {
		return new WxErrorReportCustomizer(problems);
	}

	static final class WxErrorReportCustomizer
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		private final ProblemJsonWriter problems;

		WxErrorReportCustomizer(ProblemJsonWriter problems) {
			this.problems = problems;
		}

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers(
					(context) -> WxErrorReportValve.install((Host) context.getParent(), this.problems));
		}

		@Override
		public int getOrder() {
			// After Boot's own Tomcat customizer, whose error report valve this one replaces
			return 1;
		}

	}

}
