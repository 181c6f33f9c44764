package io.github.wxlogin.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This application is the snippets of the README and of its docs pages, copied as they are: the README's
 * {@code application.yml}, controller and complete test, the new-user listener of the security page, the
 * MockMvc test of the testing page (the Boot 4 copy as it reads; the 3.5 copy differs only in the one import
 * the page names), and the avatar store and audit log of the accounts page. A change to either side without
 * the other fails the build. The Chinese pages hold the same code; only its comments are translated.
 */
class ReadmeSnippetsTests {

	private static final Path SOURCES = Path.of("src");

	private static final Pattern MOCK_MVC_IMPORT = Pattern.compile("(?m)^import ([\\w.]+\\.AutoConfigureMockMvc);\\n");

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void theApplicationYmlIsTheReadmes(String language) throws IOException {
		String page = page("README", language);
		assertSame(page, block(page, "yaml", "hmac-secret: ${WX_LOGIN_JWT_SECRET}"),
				read(SOURCES.resolve("main/resources/application.yml")), "#");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void theControllerIsTheReadmes(String language) throws IOException {
		String page = page("README", language);
		assertSame(page, block(page, "java", "class HelloController"),
				withoutPackage(SOURCES.resolve("main/java/io/github/wxlogin/readme/HelloController.java")), "//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void theCompleteTestIsTheReadmes(String language) throws IOException {
		String page = page("README", language);
		assertSame(page, block(page, "java", "class LoginTests"),
				withoutPackage(SOURCES.resolve("test/java/io/github/wxlogin/readme/LoginTests.java")), "//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void theNewUserListenerIsTheSecurityPages(String language) throws IOException {
		String page = page("docs/security", language);
		assertSame(page, block(page, "java", "class Onboarding"),
				withoutPackage(SOURCES.resolve("main/java/io/github/wxlogin/readme/Onboarding.java")), "//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void theMockMvcTestIsTheTestingPages(String language) throws IOException {
		String page = page("docs/testing", language);
		assertSame(page, block(page, "java", "class HelloTests"),
				withoutPackage(SOURCES.resolve("test/boot4/java/io/github/wxlogin/readme/HelloTests.java")), "//");
	}

	// The page shows the Boot 4 copy and names the one import that differs on 3.5: the 3.5 copy is the page's
	// with that import instead
	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void theMockMvcTestOnBoot35IsTheTestingPagesWithTheImportItNames(String language) throws IOException {
		String page = page("docs/testing", language);
		String snippet = block(page, "java", "class HelloTests");
		String boot35 = withoutPackage(SOURCES.resolve("test/boot35/java/io/github/wxlogin/readme/HelloTests.java"));
		String snippetImport = mockMvcImport(page, snippet);
		String boot35Import = mockMvcImport(page, boot35);
		assertThat(boot35Import).as(page).isNotEqualTo(snippetImport);
		assertThat(withoutCodeBlocks(read(Path.of("..", page)))).as(page + ": the 3.5 import it names")
			.contains("`" + boot35Import + "`");
		assertSame(page, MOCK_MVC_IMPORT.matcher(snippet).replaceFirst(""),
				MOCK_MVC_IMPORT.matcher(boot35).replaceFirst(""), "//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void theAvatarStoreIsTheAccountsPages(String language) throws IOException {
		String page = page("docs/accounts", language);
		assertSame(page, block(page, "java", "class AvatarStorageConfiguration"),
				withoutPackage(SOURCES.resolve("main/java/io/github/wxlogin/examples/AvatarStorageConfiguration.java")),
				"//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh-CN" })
	void theAuditLogIsTheAccountsPages(String language) throws IOException {
		String page = page("docs/accounts", language);
		assertSame(page, block(page, "java", "class AuditLog"),
				withoutPackage(SOURCES.resolve("main/java/io/github/wxlogin/examples/AuditLog.java")), "//");
	}

	/**
	 * The page of the given language, relative to the repository's root: {@code README.md} or
	 * {@code README.zh-CN.md}, {@code docs/testing.md} or {@code docs/testing.zh-CN.md}.
	 */
	private static String page(String name, String language) {
		return name + (language.equals("en") ? "" : "." + language) + ".md";
	}

	// The English page is compared as it is; the Chinese one without the comments it translates
	private static void assertSame(String page, String snippet, String file, String commentStart) {
		if (!page.endsWith(".zh-CN.md")) {
			assertThat(snippet).as(page).isEqualTo(file);
		}
		else {
			assertThat(withoutComments(snippet, commentStart)).as(page)
				.isEqualTo(withoutComments(file, commentStart));
		}
	}

	private static String mockMvcImport(String page, String code) {
		Matcher matcher = MOCK_MVC_IMPORT.matcher(code);
		assertThat(matcher.find()).as(page + ": an AutoConfigureMockMvc import in\n" + code).isTrue();
		return matcher.group(1);
	}

	private static String block(String page, String language, String containing) throws IOException {
		Matcher blocks = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```$").matcher(read(Path.of("..", page)));
		List<String> found = new ArrayList<>();
		while (blocks.find()) {
			if (blocks.group(1).contains(containing)) {
				found.add(blocks.group(1));
			}
		}
		assertThat(found).as("```" + language + " blocks of " + page + " with " + containing).hasSize(1);
		return found.get(0);
	}

	private static String withoutCodeBlocks(String markdown) {
		return markdown.replaceAll("(?ms)^\\s*```\\w*\\n.*?^\\s*```$", "");
	}

	private static String withoutPackage(Path file) throws IOException {
		String text = read(file);
		assertThat(text).startsWith("package ");
		return text.substring(text.indexOf("\n\n") + 2);
	}

	private static String withoutComments(String text, String commentStart) {
		StringBuilder kept = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			int comment = line.indexOf(" " + commentStart + " ");
			kept.append((comment >= 0) ? line.substring(0, comment) : line).append('\n');
		}
		return kept.toString().replaceAll("[ \\t]+\\n", "\n");
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

}
