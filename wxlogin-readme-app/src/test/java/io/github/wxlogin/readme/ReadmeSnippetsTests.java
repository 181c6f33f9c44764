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
 * This application is the README's snippets, copied as they are: its {@code application.yml}, its
 * controller, its new-user listener, its complete test and its MockMvc test (as it reads on Spring Boot 4;
 * the 3.5 copy differs in the one import the README names). A change to either side without the other fails the build. The
 * Chinese README holds the same code; only its comments are translated.
 */
class ReadmeSnippetsTests {

	private static final Path SOURCES = Path.of("src");

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "README.zh-CN.md" })
	void theApplicationYmlIsTheReadmes(String readme) throws IOException {
		assertSame(readme, block(readme, "yaml", "hmac-secret: ${WX_LOGIN_JWT_SECRET}"),
				read(SOURCES.resolve("main/resources/application.yml")), "#");
	}

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "README.zh-CN.md" })
	void theControllerIsTheReadmes(String readme) throws IOException {
		assertSame(readme, block(readme, "java", "class HelloController"),
				withoutPackage(SOURCES.resolve("main/java/io/github/wxlogin/readme/HelloController.java")), "//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "README.zh-CN.md" })
	void theNewUserListenerIsTheReadmes(String readme) throws IOException {
		assertSame(readme, block(readme, "java", "class Onboarding"),
				withoutPackage(SOURCES.resolve("main/java/io/github/wxlogin/readme/Onboarding.java")), "//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "README.zh-CN.md" })
	void theCompleteTestIsTheReadmes(String readme) throws IOException {
		assertSame(readme, block(readme, "java", "class LoginTests"),
				withoutPackage(SOURCES.resolve("test/java/io/github/wxlogin/readme/LoginTests.java")), "//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "README.zh-CN.md" })
	void theMockMvcTestIsTheReadmes(String readme) throws IOException {
		assertSame(readme, block(readme, "java", "class HelloTests"),
				withoutPackage(SOURCES.resolve("test/boot4/java/io/github/wxlogin/readme/HelloTests.java")), "//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "README.zh-CN.md" })
	void theAvatarStoreIsTheReadmes(String readme) throws IOException {
		assertSame(readme, block(readme, "java", "class AvatarStorageConfiguration"),
				withoutPackage(SOURCES.resolve("main/java/io/github/wxlogin/examples/AvatarStorageConfiguration.java")),
				"//");
	}

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "README.zh-CN.md" })
	void theAuditLogIsTheReadmes(String readme) throws IOException {
		assertSame(readme, block(readme, "java", "class AuditLog"),
				withoutPackage(SOURCES.resolve("main/java/io/github/wxlogin/examples/AuditLog.java")), "//");
	}

	// The English README is compared as it is; the Chinese one without the comments it translates
	private static void assertSame(String readme, String snippet, String file, String commentStart) {
		if (readme.equals("README.md")) {
			assertThat(snippet).as(readme).isEqualTo(file);
		}
		else {
			assertThat(withoutComments(snippet, commentStart)).as(readme)
				.isEqualTo(withoutComments(file, commentStart));
		}
	}

	private static String block(String readme, String language, String containing) throws IOException {
		Matcher blocks = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```$").matcher(read(Path.of("..", readme)));
		List<String> found = new ArrayList<>();
		while (blocks.find()) {
			if (blocks.group(1).contains(containing)) {
				found.add(blocks.group(1));
			}
		}
		assertThat(found).as("```" + language + " blocks of " + readme + " with " + containing).hasSize(1);
		return found.get(0);
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
