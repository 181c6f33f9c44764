package io.github.wxlogin.session;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The short form of a {@code User-Agent} header kept with a session: the WeChat client and its version
 * and the operating system when the header names them (a mini program's requests carry
 * {@code MicroMessenger/8.0.47} and {@code Android 14} or {@code iPhone OS 17_0}), otherwise the header's
 * first product. The header is the client's to choose, so the summary is a hint, cleaned and short.
 */
final class UserAgentSummary {

	/** How many characters a summary keeps at most. */
	static final int MAX_LENGTH = 64;

	private static final Pattern CLIENT = Pattern
		.compile("(MicroMessenger|wechatdevtools|WindowsWechat|MacWechat)/([0-9][0-9.]{0,15})", Pattern.CASE_INSENSITIVE);

	/** Operating systems, the most telling first: an Android header also names Linux. */
	private static final List<Pattern> SYSTEMS = Stream
		.of("Android [0-9][0-9.]{0,7}", "iPhone OS [0-9][0-9_]{0,7}", "CPU OS [0-9][0-9_]{0,7}", "OpenHarmony",
				"HarmonyOS", "Windows NT [0-9][0-9.]{0,7}", "Mac OS X [0-9][0-9_.]{0,7}", "Linux")
		.map(Pattern::compile)
		.toList();

	private static final Pattern FIRST_PRODUCT = Pattern.compile("^\\s*([^\\s/]{1,32}(?:/[^\\s(]{1,16})?)");

	private UserAgentSummary() {
	}

	static @Nullable String of(@Nullable String userAgent) {
		if (userAgent == null) {
			return null;
		}
		// Only the start is read: a header of any length costs the same
		String head = userAgent.substring(0, Math.min(userAgent.length(), 512));
		Matcher client = CLIENT.matcher(head);
		Matcher product = FIRST_PRODUCT.matcher(head);
		String name = client.find() ? client.group(1) + "/" + client.group(2) : product.find() ? product.group(1) : head;
		String system = system(head);
		return SessionText.clean((system != null) ? name + " (" + system + ")" : name, MAX_LENGTH);
	}

	private static @Nullable String system(String userAgent) {
		for (Pattern system : SYSTEMS) {
			Matcher matcher = system.matcher(userAgent);
			if (matcher.find()) {
				return matcher.group();
			}
		}
		return null;
	}

}
