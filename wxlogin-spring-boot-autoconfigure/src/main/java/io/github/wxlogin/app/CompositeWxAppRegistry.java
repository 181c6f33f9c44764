package io.github.wxlogin.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Several registries read as one, in order: an AppID is the first registry's that has it, and the default
 * app is the first registry's that names one. The properties come first, so that the table cannot take
 * over an app of theirs.
 */
public class CompositeWxAppRegistry implements WxAppRegistry {

	private final List<WxAppRegistry> registries;

	/**
	 * Create the composite.
	 * @param registries the registries, the first one winning
	 */
	public CompositeWxAppRegistry(List<? extends WxAppRegistry> registries) {
		this.registries = List.copyOf(registries);
	}

	@Override
	public Optional<WxRegisteredApp> find(String appid) {
		for (WxAppRegistry registry : this.registries) {
			Optional<WxRegisteredApp> app = registry.find(appid);
			if (app.isPresent()) {
				return app;
			}
		}
		return Optional.empty();
	}

	@Override
	public Optional<String> defaultAppid() {
		for (WxAppRegistry registry : this.registries) {
			Optional<String> appid = registry.defaultAppid();
			if (appid.isPresent()) {
				return appid;
			}
		}
		return Optional.empty();
	}

	@Override
	public List<WxRegisteredApp> list() {
		List<WxRegisteredApp> apps = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (WxAppRegistry registry : this.registries) {
			for (WxRegisteredApp app : registry.list()) {
				if (seen.add(app.appid())) {
					apps.add(app);
				}
			}
		}
		return apps;
	}

	@Override
	public void onChange(Consumer<String> listener) {
		this.registries.forEach((registry) -> registry.onChange(listener));
	}

	@Override
	public String toString() {
		return "CompositeWxAppRegistry" + this.registries;
	}

}
