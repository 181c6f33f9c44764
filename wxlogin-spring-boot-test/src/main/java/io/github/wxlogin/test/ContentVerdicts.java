package io.github.wxlogin.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The msgSecCheck verdicts: content passes unless it contains a word given a harsher
 * suggestion.
 */
final class ContentVerdicts {

	static final String PASS = "pass";

	// from mildest to harshest
	private static final List<String> SUGGESTIONS = List.of(PASS, "review", "risky");

	private final Map<String, String> suggestionsByWord = new ConcurrentHashMap<>();

	void put(String word, String suggest) {
		if (word.isEmpty()) {
			throw new IllegalArgumentException("word must not be empty");
		}
		if (!SUGGESTIONS.contains(suggest)) {
			throw new IllegalArgumentException("suggest must be one of " + SUGGESTIONS + ": " + suggest);
		}
		this.suggestionsByWord.put(word, suggest);
	}

	void clear() {
		this.suggestionsByWord.clear();
	}

	/**
	 * Judge content.
	 * @param content the content
	 * @return the harshest matching word and its suggestion, or {@code null} when it passes
	 */
	@Nullable Match judge(String content) {
		Match harshest = null;
		for (Map.Entry<String, String> entry : this.suggestionsByWord.entrySet()) {
			if (content.contains(entry.getKey()) && (harshest == null
					|| SUGGESTIONS.indexOf(entry.getValue()) > SUGGESTIONS.indexOf(harshest.suggest()))) {
				harshest = new Match(entry.getKey(), entry.getValue());
			}
		}
		return harshest;
	}

	/**
	 * A word found in the content.
	 *
	 * @param word the word
	 * @param suggest its suggestion
	 */
	record Match(String word, String suggest) {
	}

}
