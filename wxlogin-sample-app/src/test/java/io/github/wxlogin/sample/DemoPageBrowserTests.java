package io.github.wxlogin.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clicks through the demo page in headless Chromium, as a visitor would, and checks what the page shows
 * after each step. Leaves a screenshot at {@code target/demo-page.png}.
 */
@DemoApplicationTest
class DemoPageBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String INSTALL = "apt-get install chromium chromium-driver";

	private static final Path SCREENSHOT = Path.of("target", "demo-page.png");

	static Path profileDirectory;

	static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() throws IOException {
		RequiredTool.requireExecutable(CHROMIUM, INSTALL);
		RequiredTool.requireExecutable(CHROMEDRIVER, INSTALL);
		profileDirectory = Files.createTempDirectory("wxlogin-demo-chromium");
		// Both paths are given, so Selenium Manager has nothing to look up or download
		ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--user-data-dir=" + profileDirectory);
		browser = new ChromeDriver(driver, options);
		browser.manage().window().setSize(new Dimension(1280, 1500));
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profileDirectory != null) {
			try (var files = Files.walk(profileDirectory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void aVisitorGoesThroughTheWholeLoginFlow() throws IOException {
		browser.get("http://localhost:" + this.port + "/");
		waitFor(() -> text("demo-info").startsWith("Demo mode:"));
		assertThat(text("session-state")).isEqualTo("Logged out");
		String openid = browser.findElement(By.id("openid")).getDomProperty("value");
		assertThat(openid).startsWith("demo-user-");

		click("btn-login");
		assertLatestReply("/wx/login", 200);
		assertThat(text("session-state")).isEqualTo("Logged in");
		assertThat(text("user-openid")).isEqualTo(openid);
		assertThat(text("user-id")).isNotEqualTo("–");

		String phoneNumber = PhoneNumbers.unique();
		type("phone-number", phoneNumber);
		click("btn-phone");
		assertLatestReply("/wx/phone", 200);
		assertThat(text("user-phone")).isEqualTo(phoneNumber);

		String olderClientsPhoneNumber = PhoneNumbers.unique();
		type("phone-number", olderClientsPhoneNumber);
		click("btn-phone-legacy");
		assertLatestReply("/wx/phone/decrypt", 200);
		assertThat(text("user-phone")).isEqualTo(olderClientsPhoneNumber);

		type("nickname", "Old Way");
		click("btn-legacy-profile");
		assertLatestReply("/wx/profile/wechat", 200);
		assertThat(text("user-nickname")).isEqualTo("Old Way");

		type("nickname", "Xiao Ming");
		click("btn-profile");
		assertLatestReply("/wx/profile", 200);
		assertThat(text("user-nickname")).isEqualTo("Xiao Ming");

		click("btn-avatar");
		assertLatestReply("/wx/profile/avatar", 200);
		// The page shortens long values in the replies it shows; the image's src below is checked in full
		assertThat(latestReplyBody()).contains("\"avatarUrl\": \"/wx/avatars/");
		// The starter serves the image it kept: the page shows it in place of the initial
		waitFor(() -> !browser.findElements(By.cssSelector("#user-avatar img")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("#user-avatar img")).getDomAttribute("src"))
			.matches("/wx/avatars/[0-9a-f]{80}\\.png");

		click("btn-hello");
		assertLatestReply("/api/hello", 200);
		assertThat(latestReplyBody()).contains("\"openid\": \"" + openid + "\"");

		click("btn-refresh");
		assertLatestReply("/wx/token/refresh", 200);
		assertThat(text("session-state")).isEqualTo("Logged in");
		saveScreenshot();

		click("btn-logout");
		assertLatestReply("/wx/logout", 204);
		assertThat(text("session-state")).isEqualTo("Logged out");
		assertThat(text("user-nickname")).isEqualTo("Not logged in");

		click("btn-hello");
		assertLatestReply("/api/hello", 401);
		assertThat(latestReplyBody()).contains("\"code\": \"unauthorized\"");
	}

	@Test
	void eachVisitorGetsANumberOfTheirOwnAndThePhonePanelSaysWhyABindingFailed() {
		String firstNumber = newVisitorBindsTheSuggestedNumber();
		assertThat(text("phone-error")).isEmpty();

		String secondNumber = newVisitorBindsTheSuggestedNumber();
		assertThat(secondNumber).isNotEqualTo(firstNumber);

		type("phone-number", firstNumber);
		click("btn-phone");
		assertLatestReply("/wx/phone", 409);
		assertThat(browser.findElement(By.id("phone-error")).isDisplayed()).isTrue();
		assertThat(text("phone-error")).contains("phone_conflict");

		type("phone-number", "not a number");
		click("btn-phone");
		assertLatestReply("/demo/phone-code", 400);
		assertThat(text("phone-error")).contains("invalid_request");

		type("phone-number", secondNumber);
		click("btn-phone");
		assertLatestReply("/wx/phone", 200);
		assertThat(browser.findElement(By.id("phone-error")).isDisplayed()).isFalse();
	}

	// A visitor in a browser that never saw the demo: a new WeChat user, logged in, binds the number shown
	private String newVisitorBindsTheSuggestedNumber() {
		browser.get("http://localhost:" + this.port + "/");
		((ChromeDriver) browser).executeScript("localStorage.clear();");
		browser.navigate().refresh();
		waitFor(() -> text("demo-info").startsWith("Demo mode:"));
		click("btn-login");
		assertLatestReply("/wx/login", 200);
		String number = browser.findElement(By.id("phone-number")).getDomProperty("value");
		assertThat(number).matches("1\\d{10}");
		click("btn-phone");
		assertLatestReply("/wx/phone", 200);
		assertThat(text("user-phone")).isEqualTo(number);
		return number;
	}

	private void click(String buttonId) {
		int before = browser.findElements(By.cssSelector("#log > li")).size();
		browser.findElement(By.id(buttonId)).click();
		// A step is over when its last reply is shown and the buttons work again
		waitFor(() -> browser.findElements(By.cssSelector("#log > li")).size() > before
				&& browser.findElement(By.id(buttonId)).isEnabled());
	}

	private void type(String inputId, String value) {
		WebElement input = browser.findElement(By.id(inputId));
		input.clear();
		input.sendKeys(value);
	}

	private void assertLatestReply(String path, int status) {
		WebElement latest = browser.findElement(By.cssSelector("#log > li:first-child"));
		assertThat(latest.getDomAttribute("data-path")).isEqualTo(path);
		assertThat(latest.getDomAttribute("data-status")).isEqualTo(String.valueOf(status));
	}

	private String latestReplyBody() {
		// textContent: the card may still be sliding in, and Selenium's visible text of a faded element is empty
		return browser.findElement(By.cssSelector("#log > li:first-child .reply-body")).getDomProperty("textContent");
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	private static void waitFor(BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((driver) -> condition.getAsBoolean());
	}

	private static void saveScreenshot() throws IOException {
		// The newest card slides in; caught halfway it would look faded
		waitFor(() -> Boolean.TRUE.equals(((ChromeDriver) browser)
			.executeScript("return document.getAnimations().every((a) => a.playState === 'finished');")));
		Path screenshot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.createDirectories(SCREENSHOT.getParent());
		Files.copy(screenshot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
	}

}
