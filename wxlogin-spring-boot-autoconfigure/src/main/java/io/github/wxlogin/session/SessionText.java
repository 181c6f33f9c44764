package io.github.wxlogin.session;

import org.jspecify.annotations.Nullable;

/**
 * Makes text a client sent about itself (its device, its user agent) fit to store and show in a session
 * list: control and format characters (line breaks, bidirectional overrides, zero-width characters) and
 * unpaired surrogates are dropped, runs of white space become one space, and the text is cut to a number
 * of characters without splitting a character in two.
 */
final class SessionText {

	private SessionText() {
	}

	/**
	 * Clean a text.
	 * @param text the text as the client sent it
	 * @param maxLength how many characters (code points) are kept at most
	 * @return the cleaned text, or {@code null} when nothing is left of it
	 */
	static @Nullable String clean(@Nullable String text, int maxLength) {
		if (text == null) {
			return null;
		}
		StringBuilder cleaned = new StringBuilder(Math.min(text.length(), maxLength));
		int kept = 0;
		boolean space = false;
		for (int i = 0; i < text.length() && kept < maxLength;) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
				space = cleaned.length() > 0;
			}
			else if (isShown(codePoint)) {
				if (space && kept + 1 < maxLength) {
					cleaned.append(' ');
					kept++;
				}
				space = false;
				cleaned.appendCodePoint(codePoint);
				kept++;
			}
		}
		return (cleaned.length() > 0) ? cleaned.toString() : null;
	}

	private static boolean isShown(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
					Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
			default -> true;
		};
	}

}
