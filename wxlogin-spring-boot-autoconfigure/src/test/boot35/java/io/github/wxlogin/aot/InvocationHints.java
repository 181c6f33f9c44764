package io.github.wxlogin.aot;

import java.lang.reflect.Method;
import java.util.function.Predicate;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

/**
 * The predicate "this method may be invoked reflectively", which Spring Framework 7 and 6.2 spell
 * differently.
 */
public final class InvocationHints {

	private InvocationHints() {
	}

	public static Predicate<RuntimeHints> invocable(Method method) {
		return RuntimeHintsPredicates.reflection().onMethod(method).invoke();
	}

}
