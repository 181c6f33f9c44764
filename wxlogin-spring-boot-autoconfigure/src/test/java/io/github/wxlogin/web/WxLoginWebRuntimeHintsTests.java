package io.github.wxlogin.web;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wxlogin.aot.InvocationHints;
import io.github.wxlogin.session.WxLoginDevice;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON shape of the endpoints can be read and written in an application compiled ahead of time: the
 * types found here by scanning the package, so that a new request record without its hint fails.
 */
class WxLoginWebRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	WxLoginWebRuntimeHintsTests() {
		new WxLoginWebRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void everyJsonCreatorFactoryOfTheRequestBodiesCanBeInvoked() throws Exception {
		List<Method> factories = new ArrayList<>();
		for (Class<?> type : typesOfThePackage()) {
			Arrays.stream(type.getDeclaredMethods())
				.filter((method) -> method.isAnnotationPresent(JsonCreator.class))
				.forEach(factories::add);
		}
		assertThat(factories).extracting((method) -> method.getDeclaringClass().getSimpleName() + "." + method.getName())
			.contains("LoginRequest.read", "PhoneLoginRequest.read", "RefreshRequest.read", "LogoutRequest.read",
					"PhoneRequest.read", "EncryptedPhoneRequest.read", "ProfileRequest.read",
					"WeChatProfileRequest.read");
		assertThat(factories).allSatisfy((factory) -> assertThat(InvocationHints.invocable(factory))
			.as(factory.toString())
			.accepts(this.hints));
	}

	@Test
	void everyReplyIsWrittenThroughItsAccessors() throws Exception {
		List<Class<?>> replies = typesOfThePackage().stream()
			.filter((type) -> type.isRecord() && type.getSimpleName().endsWith("Response"))
			.toList();
		assertThat(replies).contains(TokenResponse.class, UserResponse.class, SessionResponse.class);
		assertThat(replies).allSatisfy((reply) -> {
			assertThat(RuntimeHintsPredicates.reflection().onType(reply)).as(reply.getName()).accepts(this.hints);
			for (RecordComponent component : reply.getRecordComponents()) {
				assertThat(InvocationHints.invocable(component.getAccessor())).as(component.toString())
					.accepts(this.hints);
			}
		});
	}

	@Test
	void theDeviceInsideALoginIsReadableToo() {
		for (RecordComponent component : WxLoginDevice.class.getRecordComponents()) {
			assertThat(InvocationHints.invocable(component.getAccessor())).as(component.toString()).accepts(this.hints);
		}
	}

	private static List<Class<?>> typesOfThePackage() throws IOException {
		String pkg = WxLoginController.class.getPackageName();
		Resource[] classes = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + ClassUtils.convertClassNameToResourcePath(pkg) + "/*.class");
		List<Class<?>> types = new ArrayList<>();
		for (Resource resource : classes) {
			String name = resource.getFilename().replace(".class", "");
			types.add(ClassUtils.resolveClassName(pkg + "." + name.replace('$', '.').replaceAll("\\..*", ""),
					WxLoginController.class.getClassLoader()));
		}
		return types.stream().distinct().toList();
	}

}
