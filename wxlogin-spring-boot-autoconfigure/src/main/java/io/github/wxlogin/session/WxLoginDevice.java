package io.github.wxlogin.session;

import org.jspecify.annotations.Nullable;

/**
 * The device a login came from, as the mini program describes it ({@code wx.getDeviceInfo()}): shown in
 * the session list so that a user can tell their sessions apart. The client says what it likes here, so
 * each field is cleaned (no control or format characters, white space collapsed) and cut to
 * {@value #MAX_LENGTH} characters; it is a label, never a proof of anything.
 *
 * @param model the phone's model, such as {@code iPhone 15}
 * @param platform the client platform, such as {@code ios}, {@code android} or {@code devtools}
 * @param system the operating system and its version, such as {@code iOS 17.0}
 */
public record WxLoginDevice(@Nullable String model, @Nullable String platform, @Nullable String system) {

	/** How many characters each field keeps at most. */
	public static final int MAX_LENGTH = 64;

	public WxLoginDevice {
		model = SessionText.clean(model, MAX_LENGTH);
		platform = SessionText.clean(platform, MAX_LENGTH);
		system = SessionText.clean(system, MAX_LENGTH);
	}

	/**
	 * Make a device label from what a client sent.
	 * @param model the model, or {@code null}
	 * @param platform the platform, or {@code null}
	 * @param system the system, or {@code null}
	 * @return the label, or {@code null} when nothing is left of any field
	 */
	public static @Nullable WxLoginDevice of(@Nullable String model, @Nullable String platform,
			@Nullable String system) {
		WxLoginDevice device = new WxLoginDevice(model, platform, system);
		return (device.model() == null && device.platform() == null && device.system() == null) ? null : device;
	}

}
