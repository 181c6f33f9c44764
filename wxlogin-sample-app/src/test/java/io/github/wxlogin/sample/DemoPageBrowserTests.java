package io.github.wxlogin.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * after each step. Leaves a screenshot of the session list at {@code target/demo-page.png}.
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
		openAsNewVisitor();
		// The page logged in silently when it opened, as a mini program does at launch
		assertLatestReply("/wx/login", 200);
		assertThat(text("session-state")).isEqualTo("Logged in");
		String openid = browser.findElement(By.id("openid")).getDomProperty("value");
		assertThat(openid).startsWith("demo-user-");
		assertThat(text("user-openid")).isEqualTo(openid);
		String userId = text("user-id");
		assertThat(userId).isNotEqualTo("–");

		click("btn-login");
		assertLatestReply("/wx/login", 200);
		assertThat(text("session-state")).isEqualTo("Logged in");
		assertThat(text("user-id")).isEqualTo(userId);

		String phoneNumber = PhoneNumbers.unique();
		type("phone-number", phoneNumber);
		assertThat(visible("btn-phone-login")).isTrue();
		click("btn-phone");
		assertLatestReply("/wx/phone", 200);
		assertThat(text("user-phone")).isEqualTo(phoneNumber);
		assertThat(visible("btn-phone-login")).as("the phone-login button once the account has a phone").isFalse();

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

	@Test
	void aNewVisitorSignsInWithThePhoneNumberAndTheButtonIsGoneOnceTheAccountHasIt() {
		openAsNewVisitor();
		assertLatestReply("/wx/login", 200);
		String userId = text("user-id");
		assertThat(visible("btn-phone-login")).as("the phone-login button of an account without a phone").isTrue();
		String number = browser.findElement(By.id("phone-number")).getDomProperty("value");

		click("btn-phone-login");
		assertLatestReply("/wx/login/phone", 200);
		assertThat(latestReplyBody()).contains("\"phoneBound\": true");
		// The silent login made the account; the phone login gave it the number
		assertThat(text("user-id")).isEqualTo(userId);
		// A TokenResponse shows the number masked
		assertThat(text("user-phone")).isEqualTo(number.substring(0, 3) + "****" + number.substring(7));
		assertThat(visible("btn-phone-login")).isFalse();
		assertThat(visible("login-error")).isFalse();

		// Opened again, the silent login says the account has a phone: no paid button
		browser.navigate().refresh();
		waitForLaunch();
		assertLatestReply("/wx/login", 200);
		assertThat(latestReplyBody()).contains("\"phoneBound\": true");
		assertThat(visible("btn-phone-login")).isFalse();

		// Logged out, the login page offers it again, and it signs in to the account that owns the number
		click("btn-logout");
		assertThat(visible("btn-phone-login")).isTrue();
		click("btn-phone-login");
		assertLatestReply("/wx/login/phone", 200);
		assertThat(text("session-state")).isEqualTo("Logged in");
		assertThat(text("user-id")).isEqualTo(userId);
	}

	@Test
	void aPhoneLoginWithTheNumberOfAnotherAccountLeavesTheVisitorInTheirOwnAccount() {
		openAsNewVisitor();
		String takenNumber = browser.findElement(By.id("phone-number")).getDomProperty("value");
		click("btn-phone-login");
		assertLatestReply("/wx/login/phone", 200);

		openAsNewVisitor();
		String ownUserId = text("user-id");
		type("phone-number", takenNumber);
		click("btn-phone-login");
		assertThat(latestReplyTo("/wx/login/phone").getDomAttribute("data-status")).isEqualTo("409");
		// Then a silent login back into the visitor's own account, which lets the user decide
		assertLatestReply("/wx/login", 200);
		assertThat(text("login-error")).contains("identity_conflict");
		assertThat(text("user-id")).isEqualTo(ownUserId);
		assertThat(text("user-phone")).isEqualTo("–");
		assertThat(visible("btn-phone-login")).isTrue();
	}

	@Test
	void theSessionsPanelListsTheDevicesEndsAnotherAndLogsOutEverywhere() throws IOException {
		HttpClient http = new HttpClient(this.port);
		openAsNewVisitor();
		String openid = browser.findElement(By.id("openid")).getDomProperty("value");
		String otherDevice = loginOnAnotherDevice(http, openid);

		click("btn-sessions");
		assertLatestReply("/wx/sessions", 200);
		List<WebElement> sessions = browser.findElements(By.cssSelector("#sessions > li"));
		assertThat(sessions).hasSize(2);
		WebElement current = browser.findElement(By.cssSelector("#sessions > li.current"));
		assertThat(current.getText()).contains("this device").contains("(demo page)");
		assertThat(current.findElements(By.tagName("button"))).isEmpty();
		WebElement other = browser.findElement(By.cssSelector("#sessions > li:not(.current)"));
		assertThat(other.getText()).contains("iPhone 15 · iOS 17.4");
		String otherId = other.getDomAttribute("data-session-id");
		// The login page of an account without a phone, and its two devices
		saveScreenshot();

		click(other.findElement(By.cssSelector("button.session-end")));
		assertLatestReply("/wx/sessions", 200);
		assertThat(latestReplyTo("/wx/sessions/" + otherId).getDomAttribute("data-status")).isEqualTo("204");
		assertThat(browser.findElements(By.cssSelector("#sessions > li"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#sessions > li.current"))).hasSize(1);
		assertThat(refresh(http, otherDevice).text("code")).isEqualTo("invalid_refresh_token");
		click("btn-hello");
		assertLatestReply("/api/hello", 200);

		String anotherDevice = loginOnAnotherDevice(http, openid);
		click("btn-logout-all");
		assertLatestReply("/wx/logout", 204);
		assertThat(text("session-state")).isEqualTo("Logged out");
		assertThat(visible("sessions")).isFalse();
		assertThat(refresh(http, anotherDevice).status()).isEqualTo(401);
	}

	@Test
	void theTokensOfASessionEndedElsewhereAreRefusedAndThePageSaysWhy() {
		HttpClient http = new HttpClient(this.port);
		openAsNewVisitor();
		String openid = browser.findElement(By.id("openid")).getDomProperty("value");
		String code = http.post("/demo/wx-login", null, Map.of("openid", openid)).text("code");
		HttpClient.Reply phone = http.post("/wx/login", null, Map.of("code", code));
		assertThat(http.post("/wx/logout", phone.text("accessToken"), Map.of("all", true)).status()).isEqualTo(204);

		click("btn-hello");
		assertLatestReply("/api/hello", 401);
		assertThat(visible("logout-reason")).isTrue();
		assertThat(browser.findElement(By.id("logout-reason")).getDomAttribute("data-reason")).isEqualTo("session_ended");
		assertThat(text("logout-reason")).contains("another device");
		assertThat(text("session-state")).isEqualTo("Logged out");

		click("btn-login");
		assertThat(visible("logout-reason")).isFalse();
	}

	// Logs the user in as a phone would, and returns that login's refresh token
	private static String loginOnAnotherDevice(HttpClient http, String openid) {
		String code = http.post("/demo/wx-login", null, Map.of("openid", openid)).text("code");
		HttpClient.Reply login = http.post("/wx/login", null, Map.of("code", code, "device",
				Map.of("model", "iPhone 15", "platform", "ios", "system", "iOS 17.4")));
		assertThat(login.status()).isEqualTo(200);
		return login.text("refreshToken");
	}

	private static HttpClient.Reply refresh(HttpClient http, String refreshToken) {
		return http.post("/wx/token/refresh", null, Map.of("refreshToken", refreshToken));
	}

	// A browser that never saw the demo: a new WeChat user with a number of their own, logged in at launch
	private void openAsNewVisitor() {
		browser.get("http://localhost:" + this.port + "/");
		((ChromeDriver) browser).executeScript("localStorage.clear();");
		browser.navigate().refresh();
		waitForLaunch();
	}

	private static void waitForLaunch() {
		waitFor(() -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-launched")));
		assertThat(text("demo-info")).startsWith("Demo mode:");
	}

	// A new visitor, logged in, binds the number shown
	private String newVisitorBindsTheSuggestedNumber() {
		openAsNewVisitor();
		assertLatestReply("/wx/login", 200);
		String number = browser.findElement(By.id("phone-number")).getDomProperty("value");
		assertThat(number).matches("1\\d{10}");
		click("btn-phone");
		assertLatestReply("/wx/phone", 200);
		assertThat(text("user-phone")).isEqualTo(number);
		return number;
	}

	private void click(String buttonId) {
		click(browser.findElement(By.id(buttonId)));
	}

	private void click(WebElement button) {
		int before = browser.findElements(By.cssSelector("#log > li")).size();
		button.click();
		// A step is over when its last reply is shown and the buttons work again (they are disabled at once
		// on a click, and all enabled together when the step ends)
		waitFor(() -> browser.findElements(By.cssSelector("#log > li")).size() > before
				&& browser.findElement(By.id("btn-login")).isEnabled());
	}

	private static boolean visible(String id) {
		return browser.findElement(By.id(id)).isDisplayed();
	}

	// The newest card of a call to this path
	private static WebElement latestReplyTo(String path) {
		return browser.findElements(By.cssSelector("#log > li"))
			.stream()
			.filter((card) -> path.equals(card.getDomAttribute("data-path")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no call to " + path + " in the log"));
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
