package io.github.wxlogin.wechat;

/**
 * A mini program's credentials. The secret never appears in {@link #toString()}.
 *
 * @param appid the AppID
 * @param secret the AppSecret
 */
public record WxApp(String appid, String secret) {

	@Override
	public String toString() {
		return "WxApp[appid=" + this.appid + "]";
	}

}
