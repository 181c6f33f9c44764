package io.github.wxlogin.avatar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.avatar.WxAvatarService.AvatarUpload;
import io.github.wxlogin.event.WxAvatarVerdictEvent;
import io.github.wxlogin.event.WxMediaCheckEvent;
import io.github.wxlogin.test.FakeWeChatServer;
import io.github.wxlogin.test.FakeWeChatServerExtension;
import io.github.wxlogin.test.MediaCheck;
import io.github.wxlogin.user.InMemoryWxUserService;
import io.github.wxlogin.wechat.CaffeineWxAccessTokenProvider;
import io.github.wxlogin.wechat.RestClientWxApiClient;
import io.github.wxlogin.wechat.RestClientWxStableTokenClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxContentVerdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WxAvatarService}: a filesystem store, the in-memory user store and WeChat's image check
 * through the fake WeChat server.
 */
class WxAvatarServiceTests {

	@RegisterExtension
	static final FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private static final String PREFIX = "https://api.example.com/wx/avatars/";

	@TempDir
	Path directory;

	private final InMemoryWxUserService users = new InMemoryWxUserService(Clock.systemUTC());

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private FileSystemWxAvatarStore store;

	private WxUser user;

	private WxApp app;

	@BeforeEach
	void setUp() {
		this.store = new FileSystemWxAvatarStore(this.directory, PREFIX);
		FakeWeChatServer fake = wechat.server();
		this.app = new WxApp(fake.appid(), fake.secret());
		fake.issueLoginCode("openid-a");
		this.user = this.users.findOrCreate(new WxIdentity(fake.appid(), "openid-a", null)).user();
	}

	private WxAvatarService service(AvatarImageCheck check) {
		return new WxAvatarService(new AvatarImages(2 * 1024 * 1024, 4096, 640), this.store, this.users,
				WxApps.of(this.app), check);
	}

	private AvatarImageCheck check(boolean waitForVerdict) {
		RestClient restClient = RestClient.builder()
			.baseUrl(wechat.server().baseUrl())
			.requestFactory(new JdkClientHttpRequestFactory())
			.build();
		Clock clock = Clock.systemUTC();
		RestClientWxApiClient client = new RestClientWxApiClient(restClient, new CaffeineWxAccessTokenProvider(
				new RestClientWxStableTokenClient(restClient, clock), Duration.ofMinutes(5), clock));
		return AvatarImageCheck.on(client, new CaffeineAvatarCheckStore(Duration.ofDays(1)), this.events::add,
				waitForVerdict);
	}

	private WxAvatarService uncheckedService() {
		return service(AvatarImageCheck.OFF);
	}

	private static WxPrincipal principal(WxUser user) {
		return new WxPrincipal(user.id(), user.openid(), user.appid());
	}

	private WxUser current() {
		return this.users.findById(this.user.id()).orElseThrow();
	}

	private Path fileOf(String url) {
		return this.directory.resolve(url.substring(PREFIX.length()));
	}

	@Test
	void uploadKeepsTheReencodedImageAndMakesItTheAvatar() throws Exception {
		AvatarUpload upload = uncheckedService().upload(principal(this.user),
				TestImages.jpegWithExifAndGps(50, 50));
		assertThat(upload.avatarUrl()).startsWith(PREFIX).matches(".*/[0-9a-f]{80}\\.jpg");
		assertThat(upload.user().avatarUrl()).isEqualTo(upload.avatarUrl());
		assertThat(current().avatarUrl()).isEqualTo(upload.avatarUrl());
		byte[] stored = Files.readAllBytes(fileOf(upload.avatarUrl()));
		assertThat(TestImages.contains(stored, "Exif".getBytes())).isFalse();
		assertThat(this.store.find(upload.avatarUrl().substring(PREFIX.length()))).get()
			.satisfies((avatar) -> assertThat(avatar.contentType()).isEqualTo("image/jpeg"));
		assertThat(upload.checking()).isFalse();
	}

	@Test
	void theSameImageOfTheSameAccountHasTheSameIdAndAnotherAccountsAnother() {
		WxAvatarService service = uncheckedService();
		byte[] image = TestImages.png(20, 20);
		String first = service.upload(principal(this.user), image).avatarUrl();
		String again = service.upload(principal(current()), image).avatarUrl();
		WxUser other = this.users.findOrCreate(new WxIdentity(this.app.appid(), "openid-b", null)).user();
		String others = service.upload(principal(other), image).avatarUrl();
		assertThat(again).isEqualTo(first);
		assertThat(others).isNotEqualTo(first);
		assertThat(fileOf(first)).exists();
		assertThat(fileOf(others)).exists();
	}

	@Test
	void replacingAnAvatarDeletesTheAccountsOldOneButNeverAnotherAccounts() {
		WxAvatarService service = uncheckedService();
		WxUser other = this.users.findOrCreate(new WxIdentity(this.app.appid(), "openid-b", null)).user();
		String othersAvatar = service.upload(principal(other), TestImages.png(30, 30)).avatarUrl();
		String old = service.upload(principal(this.user), TestImages.png(10, 10)).avatarUrl();
		String replacement = service.upload(principal(current()), TestImages.jpeg(10, 10)).avatarUrl();
		assertThat(fileOf(old)).doesNotExist();
		assertThat(fileOf(replacement)).exists();
		// The other account's avatar URL set by hand, then replaced by an upload: the other's file stays
		this.users.updateProfile(this.user.id(), new WxProfile(null, othersAvatar));
		service.upload(principal(current()), TestImages.png(12, 12));
		assertThat(fileOf(othersAvatar)).exists();
	}

	@Test
	void riskyVerdictRemovesTheAvatarDeletesTheFileAndPublishesAnEvent() {
		WxAvatarService service = service(check(false));
		AvatarUpload upload = service.upload(principal(this.user), TestImages.png(16, 16));
		assertThat(upload.checking()).isTrue();
		assertThat(current().avatarUrl()).as("shown until the verdict").isEqualTo(upload.avatarUrl());
		MediaCheck check = wechat.server().mediaChecks().get(0);
		assertThat(check.mediaUrl()).isEqualTo(upload.avatarUrl());
		assertThat(check.openid()).isEqualTo("openid-a");

		service.verdict(new WxMediaCheckEvent(this.app.appid(), check.traceId(), WxContentVerdict.RISKY, 20002));

		assertThat(current().avatarUrl()).isNull();
		assertThat(fileOf(upload.avatarUrl())).doesNotExist();
		assertThat(this.events).containsExactly(
				new WxAvatarVerdictEvent(this.user.id(), upload.avatarUrl(), WxContentVerdict.RISKY, true));
		service.verdict(new WxMediaCheckEvent(this.app.appid(), check.traceId(), WxContentVerdict.RISKY, 20002));
		assertThat(this.events).as("a verdict pushed again does nothing").hasSize(1);
	}

	@Test
	void passingVerdictKeepsTheAvatarAndUnknownTraceIdsAreIgnored() {
		WxAvatarService service = service(check(false));
		AvatarUpload upload = service.upload(principal(this.user), TestImages.png(16, 16));
		String traceId = wechat.server().mediaChecks().get(0).traceId();
		service.verdict(new WxMediaCheckEvent(this.app.appid(), "someone-elses", WxContentVerdict.RISKY, null));
		service.verdict(new WxMediaCheckEvent(this.app.appid(), traceId, WxContentVerdict.PASS, 100));
		assertThat(current().avatarUrl()).isEqualTo(upload.avatarUrl());
		assertThat(fileOf(upload.avatarUrl())).exists();
		assertThat(this.events).containsExactly(
				new WxAvatarVerdictEvent(this.user.id(), upload.avatarUrl(), WxContentVerdict.PASS, false));
	}

	@Test
	void riskyVerdictOnAnAvatarAlreadyReplacedDeletesItsFileOnly() {
		WxAvatarService service = service(check(false));
		String first = service.upload(principal(this.user), TestImages.png(16, 16)).avatarUrl();
		String traceId = wechat.server().mediaChecks().get(0).traceId();
		this.users.updateProfile(this.user.id(), new WxProfile(null, "https://cdn.example.com/mine.png"));
		service.verdict(new WxMediaCheckEvent(this.app.appid(), traceId, WxContentVerdict.RISKY, 20002));
		assertThat(current().avatarUrl()).isEqualTo("https://cdn.example.com/mine.png");
		assertThat(fileOf(first)).doesNotExist();
		assertThat(this.events).containsExactly(new WxAvatarVerdictEvent(this.user.id(), first, WxContentVerdict.RISKY, false));
	}

	@Test
	void waitingForTheVerdictShowsTheAvatarOnlyOnceItPassed() {
		WxAvatarService service = service(check(true));
		this.users.updateProfile(this.user.id(), new WxProfile(null, "https://cdn.example.com/old.png"));
		AvatarUpload upload = service.upload(principal(current()), TestImages.png(16, 16));
		assertThat(upload.checking()).isTrue();
		assertThat(current().avatarUrl()).isEqualTo("https://cdn.example.com/old.png");
		String traceId = wechat.server().mediaChecks().get(0).traceId();
		service.verdict(new WxMediaCheckEvent(this.app.appid(), traceId, WxContentVerdict.PASS, 100));
		assertThat(current().avatarUrl()).isEqualTo(upload.avatarUrl());
	}

}
