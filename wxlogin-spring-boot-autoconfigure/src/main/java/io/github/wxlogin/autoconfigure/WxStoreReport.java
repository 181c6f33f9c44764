package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.autoconfigure.WxLoginProperties.Store.StoreType;
import io.github.wxlogin.autoconfigure.WxLoginProperties.UserStore.UserStoreType;
import io.github.wxlogin.session.CaffeineWxSessionKeyStore;
import io.github.wxlogin.session.RedisWxSessionKeyStore;
import io.github.wxlogin.session.WxSessionKeyStore;
import io.github.wxlogin.user.InMemoryWxUserService;
import io.github.wxlogin.user.JdbcWxUserService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says at start-up, in one INFO line, where the starter keeps its state and its users and why: the
 * choice {@code auto} makes depends on which beans the application has, which is easy to miss.
 */
class WxStoreReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(WxStoreReport.class);

	private final WxLoginProperties properties;

	private final WxSessionKeyStore sessionKeys;

	private final WxUserService users;

	WxStoreReport(WxLoginProperties properties, WxSessionKeyStore sessionKeys, WxUserService users) {
		this.properties = properties;
		this.sessionKeys = sessionKeys;
		this.users = users;
	}

	@Override
	public void afterSingletonsInstantiated() {
		logger.info("WeChat login stores: " + stateStore() + "; users: " + userStore());
	}

	String stateStore() {
		StoreType type = this.properties.store().type();
		if (this.sessionKeys instanceof RedisWxSessionKeyStore) {
			return (type == StoreType.AUTO) ? "redis (a RedisConnectionFactory bean exists; set "
					+ "wx.login.store.type=memory to keep them in memory)" : "redis (wx.login.store.type=redis)";
		}
		if (this.sessionKeys instanceof CaffeineWxSessionKeyStore) {
			return (type == StoreType.AUTO) ? "memory (no RedisConnectionFactory bean; add Spring Data Redis to "
					+ "share them between instances)" : "memory (wx.login.store.type=" + type.name().toLowerCase() + ")";
		}
		return "the application's own (" + this.sessionKeys.getClass().getName() + ")";
	}

	String userStore() {
		UserStoreType type = this.properties.userStore().type();
		if (this.users instanceof JdbcWxUserService) {
			return (type == UserStoreType.AUTO) ? "jdbc (a DataSource bean exists; set "
					+ "wx.login.user-store.type=memory to keep them in memory)" : "jdbc (wx.login.user-store.type=jdbc)";
		}
		if (this.users instanceof InMemoryWxUserService) {
			return (type == UserStoreType.AUTO) ? "memory (no DataSource bean; configure spring.datasource.* to "
					+ "keep them in a wx_user table)" : "memory (wx.login.user-store.type=" + type.name().toLowerCase() + ")";
		}
		return "the application's own (" + this.users.getClass().getName() + ")";
	}

}
