package io.github.wxlogin.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * {@link ContextCustomizerFactory} for test classes annotated with
 * {@link AutoConfigureFakeWeChat}.
 */
class FakeWeChatContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFakeWeChat annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFakeWeChat.class);
		return (annotation != null) ? new FakeWeChatContextCustomizer(annotation.appid(), annotation.secret(),
				annotation.apiSecurity()) : null;
	}

}
