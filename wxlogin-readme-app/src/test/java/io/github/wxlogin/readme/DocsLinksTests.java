package io.github.wxlogin.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README is the short page a newcomer reads; the reference is in {@code docs/}, each page in English and
 * Chinese. Every docs page is linked from the README of its language and links back to it and to its twin,
 * and every relative link and {@code #anchor} of these pages (and of the READMEs of the sample mini program
 * and of the npm package) leads somewhere (anchors as GitHub makes them from headings: lower case,
 * punctuation dropped, spaces to hyphens, other letters kept).
 */
class DocsLinksTests {

	private static final Path ROOT = Path.of("..");

	private static final Path DOCS = ROOT.resolve("docs");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#*$");

	@Test
	void theReadmesAreShort() throws IOException {
		for (String readme : List.of("README.md", "README.zh-CN.md")) {
			assertThat(Files.readAllLines(ROOT.resolve(readme), StandardCharsets.UTF_8)).as(readme + " lines")
				.hasSizeLessThan(250);
		}
	}

	@Test
	void everyDocsPageHasATwinAndIsLinkedFromTheReadmeOfItsLanguage() throws IOException {
		List<Path> docs = docs();
		assertThat(docs).isNotEmpty();
		for (Path page : docs) {
			String name = page.getFileName().toString();
			boolean chinese = name.endsWith(".zh-CN.md");
			assertThat(DOCS.resolve(twin(name))).as("the twin of " + page).exists();
			String readme = chinese ? "README.zh-CN.md" : "README.md";
			assertThat(links(ROOT.resolve(readme))).as(readme + " links to " + page).contains("docs/" + name);
		}
	}

	@Test
	void everyDocsPageLinksToItsReadmeAndItsTwin() throws IOException {
		for (Path page : docs()) {
			String name = page.getFileName().toString();
			String readme = name.endsWith(".zh-CN.md") ? "../README.zh-CN.md" : "../README.md";
			assertThat(links(page)).as(page + " links").contains(readme, twin(name));
		}
	}

	@ParameterizedTest
	@MethodSource("pages")
	void everyRelativeLinkAndAnchorResolves(Path page) throws IOException {
		List<String> broken = new ArrayList<>();
		for (String link : links(page)) {
			if (link.matches("^[a-z]+:.*")) {
				continue;
			}
			int hash = link.indexOf('#');
			String file = (hash >= 0) ? link.substring(0, hash) : link;
			Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
			if (!Files.exists(target)) {
				broken.add(link + " (no such file)");
			}
			else if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
				broken.add(link + " (no such heading)");
			}
		}
		assertThat(broken).as("broken links of " + page).isEmpty();
	}

	@Test
	void anchorsAreMadeAsGitHubMakesThem() {
		assertThat(anchor("Upgrading from the `wx_user` table")).isEqualTo("upgrading-from-the-wx_user-table");
		assertThat(anchor("Other values than the fake's")).isEqualTo("other-values-than-the-fakes");
		assertThat(anchor("从 `wx_user` 表升级")).isEqualTo("从-wx_user-表升级");
		assertThat(anchor("Redis 或数据库出故障时")).isEqualTo("redis-或数据库出故障时");
	}

	static Stream<Path> pages() throws IOException {
		return Stream.concat(Stream.of(ROOT.resolve("README.md"), ROOT.resolve("README.zh-CN.md"),
				ROOT.resolve("wxlogin-sample-app/miniprogram/README.md"),
				ROOT.resolve("wxlogin-miniprogram-client/README.md"),
				ROOT.resolve("wxlogin-miniprogram-client/README.zh-CN.md")), docs().stream());
	}

	private static List<Path> docs() throws IOException {
		try (Stream<Path> files = Files.list(DOCS)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".md")).sorted().toList();
		}
	}

	private static String twin(String name) {
		return name.endsWith(".zh-CN.md") ? name.replace(".zh-CN.md", ".md") : name.replace(".md", ".zh-CN.md");
	}

	private static Set<String> links(Path page) throws IOException {
		Set<String> links = new LinkedHashSet<>();
		Matcher matcher = LINK.matcher(withoutCodeBlocks(read(page)));
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}

	private static Set<String> anchors(Path page) throws IOException {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : withoutCodeBlocks(read(page)).split("\n")) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String anchor = anchor(heading.group(1));
				int before = seen.merge(anchor, 1, Integer::sum) - 1;
				anchors.add((before == 0) ? anchor : anchor + "-" + before);
			}
		}
		return anchors;
	}

	private static String anchor(String heading) {
		return heading.strip()
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{M}\\p{N}_\\- ]", "")
			.replace(' ', '-');
	}

	private static String withoutCodeBlocks(String markdown) {
		return markdown.replaceAll("(?ms)^\\s*```.*?^\\s*```[ \\t]*$", "");
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

}
