package io.github.wxlogin.autoconfigure;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.autoconfigure.WxLoginProperties.Accounts.PhoneConflict;
import io.github.wxlogin.avatar.WxAvatarService;
import io.github.wxlogin.login.WxAccountDeletionService;
import io.github.wxlogin.login.WxAccountManager;
import io.github.wxlogin.login.WxAccountMergeService;
import io.github.wxlogin.login.WxAccountPurger;
import io.github.wxlogin.login.WxAccountService;
import io.github.wxlogin.login.WxJwkSetService;
import io.github.wxlogin.login.WxRegistrationRiskCheck;
import io.github.wxlogin.login.WxSignInService;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionEndReason;
import io.github.wxlogin.token.WxSigningKey;
import io.github.wxlogin.token.WxTokenService;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxSessionKeyStore;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The login use cases, each a service the host may replace or decorate with a bean of its own type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(WxTokenService.class)
class WxLoginServicesConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WxSignInService wxSignInService(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys,
			WxUserService users, WxTokenService tokens, WxLoginSessionService sessions,
			ObjectProvider<ObservationRegistry> observations, ApplicationEventPublisher events,
			ObjectProvider<WxAccountDeletionService> deletions, WxLoginProperties properties,
			ObjectProvider<WxRegistrationRiskCheck> riskCheck) {
		return new WxSignInService(apps, wechat, sessionKeys, users, tokens, sessions,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), events, deletions.getIfUnique(),
				properties.accounts().phoneConflict() == PhoneConflict.MERGE, riskCheck.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	WxAccountDeletionService wxAccountDeletionService(WxUserService users, WxLoginSessionService sessions,
			WxLoginProperties properties, ObjectProvider<Clock> clock, ApplicationEventPublisher events,
			ObjectProvider<WxAvatarService> avatars) {
		return new WxAccountDeletionService(users, sessions, properties.accounts().deletionGracePeriod(),
				clock.getIfAvailable(Clock::systemUTC), events, eraseAvatar(avatars));
	}

	@Bean
	@ConditionalOnMissingBean
	WxAccountPurger wxAccountPurger(WxAccountDeletionService deletions, WxLoginProperties properties) {
		return new WxAccountPurger(deletions, properties.accounts().purgeInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	WxAccountMergeService wxAccountMergeService(WxApps apps, WxApiClient wechat, WxUserService users,
			WxTokenService tokens, WxLoginSessionService sessions, ApplicationEventPublisher events,
			ObjectProvider<WxAvatarService> avatars, WxLoginProperties properties,
			ObjectProvider<ObservationRegistry> observations) {
		return new WxAccountMergeService(apps, wechat, users, tokens, sessions, events, eraseAvatar(avatars),
				properties.accounts().phoneConflict() == PhoneConflict.MERGE,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	/** An account deleted or merged away loses the avatar it uploaded, when the starter keeps avatars. */
	private static Consumer<WxAccount> eraseAvatar(ObjectProvider<WxAvatarService> avatars) {
		return (account) -> avatars.ifAvailable((service) -> service.eraseAvatarOf(account));
	}

	/**
	 * WeChat's risk verdict on users about to get a new account, with {@code wx.login.risk-check.enabled}.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("wx.login.risk-check.enabled")
	WxRegistrationRiskCheck wxRegistrationRiskCheck(WxApiClient wechat, WxLoginProperties properties,
			ObjectProvider<ObservationRegistry> observations, ApplicationEventPublisher events) {
		WxLoginProperties.RiskCheck risk = properties.riskCheck();
		return new WxRegistrationRiskCheck(wechat,
				new WxRegistrationRiskCheck.Policy(risk.refuseAt(), risk.recordOnly(), risk.failOpen(), risk.testMode()),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), events);
	}

	@Bean
	@ConditionalOnMissingBean
	WxAccountService wxAccountService(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys,
			WxUserService users, WxLoginSessionService sessions, WxLoginProperties properties,
			ObjectProvider<ObservationRegistry> observations) {
		return new WxAccountService(apps, wechat, sessionKeys, users, sessions, properties.profile().contentCheck(),
				properties.phone().checkEncryptedData(), observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	WxAccountManager wxAccountManager(WxUserService users, WxLoginSessionService sessions,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock,
			ObjectProvider<WxAccountDeletionService> deletions) {
		return new WxAccountManager(users, sessions, events, clock.getIfAvailable(Clock::systemUTC),
				deletions.getIfUnique());
	}

	/** Disabling an account through the starter's store ends its sessions, as {@link WxAccountManager} does. */
	@Bean
	SmartInitializingSingleton wxLoginSessionsEndWhenAccountsAreDisabled(ObjectProvider<WxUserService> users,
			ObjectProvider<WxLoginSessionService> sessions) {
		return () -> {
			WxLoginSessionService loginSessions = sessions.getIfUnique();
			if (users.getIfUnique() instanceof WxAccountStore accounts && loginSessions != null) {
				accounts.whenDisabled(
						(userId) -> loginSessions.endSessions(userId, WxSessionEndReason.ACCOUNT_DISABLED));
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	WxJwkSetService wxJwkSetService(ObjectProvider<WxSigningKey> signingKey) {
		JWKSet publicKeys = signingKey.stream().map(WxSigningKey::publicJwkSet).findFirst().orElseGet(JWKSet::new);
		return new WxJwkSetService(publicKeys.getKeys().isEmpty() ? Map.of() : publicKeys.toJSONObject());
	}

}
