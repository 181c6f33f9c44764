package io.github.wxlogin.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.wxlogin.wechat.WxApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompositeWxAppRegistry}.
 */
class CompositeWxAppRegistryTests {

	private final WxRegisteredApp propertiesApp = app("wx00000000000000aa", "properties-secret",
			WxRegisteredApp.Source.PROPERTIES);

	private final WxRegisteredApp shadowed = app("wx00000000000000aa", "table-secret", WxRegisteredApp.Source.DATABASE);

	private final WxRegisteredApp tableApp = app("wx00000000000000bb", "table-secret", WxRegisteredApp.Source.DATABASE);

	private final ChangingRegistry table = new ChangingRegistry(List.of(this.shadowed, this.tableApp));

	private final CompositeWxAppRegistry registry = new CompositeWxAppRegistry(
			List.of(new PropertiesWxAppRegistry(Map.of(this.propertiesApp.appid(), this.propertiesApp), null), this.table));

	@Test
	void appOfTheFirstRegistryWins() {
		assertThat(this.registry.find("wx00000000000000aa")).contains(this.propertiesApp);
		assertThat(this.registry.find("wx00000000000000bb")).contains(this.tableApp);
		assertThat(this.registry.find("wx00000000000000cc")).isEmpty();
	}

	@Test
	void everyAppIsListedOnceInOrder() {
		assertThat(this.registry.list()).containsExactly(this.propertiesApp, this.tableApp);
	}

	@Test
	void defaultAppIsTheFirstRegistryThatNamesOne() {
		assertThat(this.registry.defaultAppid()).contains("wx00000000000000bb");
		Map<String, WxRegisteredApp> apps = new LinkedHashMap<>();
		apps.put(this.propertiesApp.appid(), this.propertiesApp);
		CompositeWxAppRegistry withDefault = new CompositeWxAppRegistry(
				List.of(new PropertiesWxAppRegistry(apps, this.propertiesApp.appid()), this.table));
		assertThat(withDefault.defaultAppid()).contains(this.propertiesApp.appid());
	}

	@Test
	void listenersHearOfTheChangesOfEveryRegistry() {
		List<String> changed = new ArrayList<>();
		this.registry.onChange(changed::add);

		this.table.changed("wx00000000000000bb");

		assertThat(changed).containsExactly("wx00000000000000bb");
	}

	private static WxRegisteredApp app(String appid, String secret, WxRegisteredApp.Source source) {
		return new WxRegisteredApp(new WxApp(appid, secret), true, null, source);
	}

	private static final class ChangingRegistry implements WxAppRegistry {

		private final List<WxRegisteredApp> apps;

		private final List<Consumer<String>> listeners = new ArrayList<>();

		ChangingRegistry(List<WxRegisteredApp> apps) {
			this.apps = apps;
		}

		@Override
		public Optional<WxRegisteredApp> find(String appid) {
			return this.apps.stream().filter((app) -> app.appid().equals(appid)).findFirst();
		}

		@Override
		public Optional<String> defaultAppid() {
			return Optional.of("wx00000000000000bb");
		}

		@Override
		public List<WxRegisteredApp> list() {
			return this.apps;
		}

		@Override
		public void onChange(Consumer<String> listener) {
			this.listeners.add(listener);
		}

		void changed(String appid) {
			this.listeners.forEach((listener) -> listener.accept(appid));
		}

	}

}
