package io.github.wxlogin.sample.demo;

import io.github.wxlogin.test.FakeWeChatServer;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Switches the application to {@link DemoMode demo mode} when it is given no WeChat credentials or the
 * {@code --demo} switch, with this Spring Boot line's post-processor and bootstrap context.
 */
public class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private final Log logger;

	private final ConfigurableBootstrapContext bootstrapContext;

	/**
	 * Create the post-processor; Spring Boot supplies the arguments.
	 * @param logFactory the factory of logs that are written once logging is set up
	 * @param bootstrapContext the context that hands the fake server over to the application context
	 */
	public DemoModeEnvironmentPostProcessor(DeferredLogFactory logFactory,
			ConfigurableBootstrapContext bootstrapContext) {
		this.logger = logFactory.getLog(DemoModeEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		// After the application's own configuration files have been read
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		FakeWeChatServer server = DemoMode.start(environment, this.logger);
		if (server != null) {
			this.bootstrapContext.addCloseListener(
					(event) -> DemoMode.registerBean(event.getApplicationContext().getBeanFactory(), server));
		}
	}

}
