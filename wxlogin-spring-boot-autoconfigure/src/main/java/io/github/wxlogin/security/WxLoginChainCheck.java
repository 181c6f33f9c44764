package io.github.wxlogin.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Logs one WARN at start-up when the host declares security filter chains and none of them applies
 * {@link WxLoginConfigurer}: the paths those chains guard then refuse the starter's access tokens, or see
 * no {@code WxPrincipal}, and the paths no chain matches are served to anyone.
 */
public final class WxLoginChainCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(WxLoginChainCheck.class);

	private final ListableBeanFactory beans;

	private final Set<String> starterChains;

	private final List<HttpSecurity> configured = new CopyOnWriteArrayList<>();

	/**
	 * Create a check.
	 * @param beans where the chains are found
	 * @param starterChains names of the starter's own chains, which are not the host's
	 */
	public WxLoginChainCheck(ListableBeanFactory beans, String... starterChains) {
		this.beans = beans;
		this.starterChains = Set.of(starterChains);
	}

	/** Called by {@link WxLoginConfigurer} for each chain it is applied to. */
	void configured(HttpSecurity http) {
		this.configured.add(http);
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, SecurityFilterChain> hostChains = new TreeMap<>(
				this.beans.getBeansOfType(SecurityFilterChain.class, false, false));
		hostChains.keySet().removeAll(this.starterChains);
		if (!hostChains.isEmpty() && hostChains.values().stream().noneMatch(this::isConfigured)) {
			logger.warn("Security filter chain '" + String.join("', '", hostChains.keySet())
					+ "' does not apply WxLoginConfigurer: the application's own paths do not take the login's"
					+ " access tokens as a WxPrincipal. Add http.with(WxLoginConfigurer.wxLogin(),"
					+ " Customizer.withDefaults()) to the chain that guards them.");
		}
	}

	private boolean isConfigured(SecurityFilterChain chain) {
		for (HttpSecurity http : this.configured) {
			try {
				if (http.getObject() == chain) {
					return true;
				}
			}
			catch (IllegalStateException ex) {
				// Never built
			}
		}
		return false;
	}

}
