package io.github.wxlogin.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The JSON shapes of the login endpoints, for applications compiled ahead of time (Spring AOT, GraalVM
 * native images). Jackson builds each request record through its static, package-private
 * {@code @JsonCreator(mode = DELEGATING)} factory ({@code read(Map)}) and writes each reply through its
 * accessors. The AOT engine also finds them on the signatures of the starter's {@link WxLoginController};
 * registered here as well so that they do not depend on which controller bean serves the endpoints.
 */
public final class WxLoginWebRuntimeHints implements RuntimeHintsRegistrar {

	/** The request bodies, each read through a {@code @JsonCreator} factory. */
	static final List<Class<?>> REQUESTS = List.of(LoginRequest.class, PhoneLoginRequest.class, RefreshRequest.class,
			LogoutRequest.class, PhoneRequest.class, EncryptedPhoneRequest.class, ProfileRequest.class,
			WeChatProfileRequest.class);

	/** The replies. */
	static final List<Class<?>> REPLIES = List.of(TokenResponse.class, UserResponse.class, PhoneResponse.class,
			SessionResponse.class, AvatarResponse.class, DeletionResponse.class);

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
		REQUESTS.forEach((type) -> {
			bindings.registerReflectionHints(hints.reflection(), type);
			// the factory itself, whether or not the binding registrar reads Jackson's annotations
			ReflectionUtils.doWithLocalMethods(type, (method) -> {
				if (AnnotatedElementUtils.hasAnnotation(method, JsonCreator.class)) {
					hints.reflection().registerMethod(method, ExecutableMode.INVOKE);
				}
			});
		});
		REPLIES.forEach((type) -> bindings.registerReflectionHints(hints.reflection(), type));
	}

}
