package io.github.wxlogin.autoconfigure;

import io.github.wxlogin.WxUserService;
import io.github.wxlogin.autoconfigure.WxLoginProperties.Store.StoreType;
import io.github.wxlogin.autoconfigure.WxLoginProperties.UserStore.UserStoreType;
import io.github.wxlogin.user.InMemoryWxUserService;
import io.github.wxlogin.user.JdbcWxUserService;
import io.github.wxlogin.wechat.CaffeineWxSessionKeyStore;
import io.github.wxlogin.wechat.RedisWxSessionKeyStore;
import io.github.wxlogin.wechat.WxSessionKeyStore;
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
		boolean auto = this.properties.store().type() == StoreType.AUTO;
		if (this.sessionKeys instanceof RedisWxSessionKeyStore) {
			return choice("redis", auto, "a RedisConnectionFactory bean exists; set wx.login.store.type=memory to keep "
					+ "them in memory", "wx.login.store.type");
		}
		if (this.sessionKeys instanceof CaffeineWxSessionKeyStore) {
			return choice("memory", auto, "no RedisConnectionFactory bean; add Spring Data Redis to share them "
					+ "between instances", "wx.login.store.type");
		}
		return own(this.sessionKeys);
	}

	String userStore() {
		boolean auto = this.properties.userStore().type() == UserStoreType.AUTO;
		if (this.users instanceof JdbcWxUserService) {
			return choice("jdbc", auto, "a DataSource bean exists; set wx.login.user-store.type=memory to keep them "
					+ "in memory", "wx.login.user-store.type");
		}
		if (this.users instanceof InMemoryWxUserService) {
			return choice("memory", auto, "no DataSource bean; configure spring.datasource.* to keep them in the "
					+ "wx_account and wx_identity tables", "wx.login.user-store.type");
		}
		return own(this.users);
	}

	// "auto" chose by the beans present; otherwise the property named the store
	private static String choice(String store, boolean auto, String autoReason, String property) {
		return store + " (" + (auto ? autoReason : property + "=" + store) + ")";
	}

	private static String own(Object bean) {
		return "the application's own (" + bean.getClass().getName() + ")";
	}

}
