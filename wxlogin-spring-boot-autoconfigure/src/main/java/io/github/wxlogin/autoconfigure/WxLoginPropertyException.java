package io.github.wxlogin.autoconfigure;

/**
 * A {@code wx.login} property is missing or wrong, so the application cannot start.
 * {@link WxLoginFailureAnalyzer} turns it into a description and an action. The message never holds a
 * property's value, since the value may be a secret.
 */
public class WxLoginPropertyException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the property's name, such as {@code wx.login.secret}
	 * @param problem what is wrong with it
	 * @param action what to do about it
	 */
	public WxLoginPropertyException(String property, String problem, String action) {
		super("Property '" + property + "' " + problem);
		this.property = property;
		this.action = action;
	}

	/**
	 * Return the property's name.
	 * @return the name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
