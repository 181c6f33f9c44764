package io.github.wxlogin.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.wxlogin.security.FirewallCharacterRules;
import io.github.wxlogin.security.WxBearerTokenResolver;
import io.github.wxlogin.security.WxLoginConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.DefaultHttpFirewall;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WxLoginSecurityAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class WxLoginSecurityAutoConfigurationTests {

	private static final String DEFAULT_CHAIN = WxLoginSecurityAutoConfiguration.DEFAULT_CHAIN_BEAN_NAME;

	private static final String ENDPOINTS_CHAIN = WxLoginSecurityAutoConfiguration.ENDPOINTS_CHAIN_BEAN_NAME;

	private static final String WARNING = "does not apply WxLoginConfigurer";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WxLoginAutoConfiguration.class, WxLoginSecurityAutoConfiguration.class,
				BootAutoConfigurations.webSecurity(), BootAutoConfigurations.webMvc()))
		.withPropertyValues("wx.login.appid=wx0123456789abcdef", "wx.login.secret=9f86d081884c7d659a2feaa0c55ad015",
				"wx.login.store.type=memory");

	@Test
	void whenHostDeclaresNoChainThenTheEndpointsChainAndTheDefaultChainAreRegistered(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(ENDPOINTS_CHAIN, DEFAULT_CHAIN);
			assertThat(output).doesNotContain(WARNING);
		});
	}

	@Test
	void whenHostDeclaresAChainThenOnlyTheDefaultChainBacksOff() {
		this.contextRunner.withUserConfiguration(ConfiguredHostChain.class)
			.run((context) -> assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("hostChain",
					ENDPOINTS_CHAIN));
	}

	@Test
	void whenHostDeclaresAChainNamedLikeTheEndpointsChainThenItReplacesIt() {
		this.contextRunner.withUserConfiguration(ReplacingHostChain.class).run((context) -> {
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(ENDPOINTS_CHAIN);
			assertThat(context.getBean(ENDPOINTS_CHAIN)).isSameAs(context.getBean(ReplacingHostChain.class).chain);
		});
	}

	@Test
	void whenSecurityIsSwitchedOffThenNeitherChainIsRegistered() {
		this.contextRunner.withPropertyValues("wx.login.security.enabled=false")
			.withUserConfiguration(ConfiguredHostChain.class)
			.run((context) -> assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("hostChain"));
	}

	@Test
	void whenAHostChainAppliesTheConfigurerThenNothingIsLogged(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(ConfiguredHostChain.class, UnconfiguredHostChain.class)
			.run((context) -> assertThat(output).doesNotContain(WARNING));
	}

	@Test
	void whenNoHostChainAppliesTheConfigurerThenOneWarningNamesThemAll(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(UnconfiguredHostChain.class, AnotherUnconfiguredHostChain.class)
			.run((context) -> assertThat(output.getOut().lines().filter((line) -> line.contains(WARNING)))
				.singleElement()
				.satisfies((line) -> assertThat(line).contains("'adminChain', 'apiChain'")));
	}

	@Test
	void whenHostDeclaresNeitherThenTheStarterReadsTokensAndChecksHeadersWithoutRegularExpressions() {
		this.contextRunner.run((context) -> {
			assertThat(context).getBean(BearerTokenResolver.class).isInstanceOf(WxBearerTokenResolver.class);
			StrictHttpFirewall firewall = context.getBean(StrictHttpFirewall.class);
			assertThat(context).hasSingleBean(HttpFirewall.class);
			assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderValues"))
				.isSameAs(FirewallCharacterRules.HEADER_VALUES);
			assertThat(ReflectionTestUtils.getField(firewall, "allowedHeaderNames"))
				.isSameAs(FirewallCharacterRules.HEADER_NAMES);
		});
	}

	@Test
	void whenHostDeclaresAFirewallThenTheStarterBacksOff() {
		this.contextRunner.withBean(DefaultHttpFirewall.class)
			.run((context) -> assertThat(context).getBean(HttpFirewall.class).isInstanceOf(DefaultHttpFirewall.class));
	}

	@Test
	void whenHostDeclaresABearerTokenResolverThenTheStarterBacksOffAndTheChainsReadTokensWithTheHosts() {
		AtomicInteger reads = new AtomicInteger();
		BearerTokenResolver hostResolver = (request) -> {
			reads.incrementAndGet();
			return null;
		};
		this.contextRunner.withBean(BearerTokenResolver.class, () -> hostResolver).run((context) -> {
			assertThat(context).getBean(BearerTokenResolver.class).isSameAs(hostResolver);
			BearerTokenAuthenticationFilter filter = context.getBean(DEFAULT_CHAIN, SecurityFilterChain.class)
				.getFilters()
				.stream()
				.filter(BearerTokenAuthenticationFilter.class::isInstance)
				.map(BearerTokenAuthenticationFilter.class::cast)
				.findFirst()
				.orElseThrow();
			filter.doFilter(new MockHttpServletRequest("GET", "/api/hello"), new MockHttpServletResponse(),
					new MockFilterChain());
			assertThat(reads).hasValue(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ConfiguredHostChain {

		@Bean
		SecurityFilterChain hostChain(HttpSecurity http) throws Exception {
			http.with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnconfiguredHostChain {

		@Bean
		SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
			http.securityMatcher("/api/**").authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnotherUnconfiguredHostChain {

		@Bean
		SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
			http.securityMatcher("/admin/**").authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReplacingHostChain {

		SecurityFilterChain chain;

		@Bean(WxLoginSecurityAutoConfiguration.ENDPOINTS_CHAIN_BEAN_NAME)
		SecurityFilterChain wxLoginEndpointsSecurityFilterChain(HttpSecurity http) throws Exception {
			http.securityMatcher("/wx/**").with(WxLoginConfigurer.wxLogin(), Customizer.withDefaults());
			this.chain = http.build();
			return this.chain;
		}

	}

}
