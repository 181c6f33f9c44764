package io.github.wxlogin.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.wxlogin.WxTenant;
import io.github.wxlogin.wechat.WxPushSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mini programs of the properties, served first and read-only, then those of the {@code wx_app}
 * table, changed at run time through {@link WxAppManager}. The default app is the properties' one.
 * <p>
 * An app is read from the table on its first use and then answered from memory; nothing is read for an
 * app before that, so a thousand apps cost no start-up time. AppIDs the table does not hold are remembered
 * for a few seconds (a bounded number of them), so that made-up AppIDs do not each reach the database.
 * <p>
 * A change made here is in force here at once. Changes made on other instances are read by a poll of the
 * rows whose {@code updated_at} moved (by the database's clock), every {@code pollInterval}, looking back
 * {@link #POLL_OVERLAP} so that a row committed late is not missed. A poll that fails keeps the apps as
 * they were, so a database outage does not switch apps off.
 * <p>
 * The AppSecrets and push settings are kept encrypted ({@link AppSecretCipher}).
 */
public class JdbcWxAppRegistry implements WxAppRegistry, WxAppManager, SmartLifecycle {

	/** How far behind the database's time of the last poll the next one looks. */
	static final Duration POLL_OVERLAP = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(JdbcWxAppRegistry.class);

	private static final Pattern APPID_FORMAT = Pattern.compile("wx[0-9a-f]{16}");

	private static final int MAX_APPID_LENGTH = 64;

	private static final int MAX_SECRET_LENGTH = 128;

	private final WxAppTable table;

	private final WxAppRegistry propertiesApps;

	private final boolean validateAppidFormat;

	private final Map<String, WxRegisteredApp> known = new ConcurrentHashMap<>();

	private final Cache<String, Boolean> unknown = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofSeconds(10))
		.executor(Runnable::run)
		.build();

	/** The version of each app whose change the listeners were told of. */
	private final Map<String, Long> notifiedVersions = new ConcurrentHashMap<>();

	private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

	private final WxAppChangePoller poller;

	/**
	 * Create the registry.
	 * @param jdbc the database that holds the {@code wx_app} table
	 * @param cipher the cipher of the secrets at rest
	 * @param propertiesApps the apps of the properties: served first, never registered or changed here
	 * @param pollInterval how often the table is read for changes made on other instances
	 * @param validateAppidFormat whether an AppID must be "wx" and 16 hexadecimal digits
	 */
	public JdbcWxAppRegistry(JdbcTemplate jdbc, AppSecretCipher cipher, WxAppRegistry propertiesApps,
			Duration pollInterval, boolean validateAppidFormat) {
		this.table = new WxAppTable(jdbc, cipher);
		this.propertiesApps = propertiesApps;
		this.validateAppidFormat = validateAppidFormat;
		this.poller = new WxAppChangePoller(this.table, pollInterval, POLL_OVERLAP, this::applyChanged);
	}

	@Override
	public Optional<WxRegisteredApp> find(String appid) {
		Optional<WxRegisteredApp> fixed = this.propertiesApps.find(appid);
		return fixed.isPresent() ? fixed : findInTable(appid);
	}

	private Optional<WxRegisteredApp> findInTable(String appid) {
		WxRegisteredApp app = this.known.get(appid);
		if (app != null) {
			return Optional.of(app);
		}
		if (!isPlausibleAppid(appid) || this.unknown.getIfPresent(appid) != null) {
			return Optional.empty();
		}
		Optional<WxAppTable.Row> row = this.table.read(appid).filter((read) -> !read.removed());
		if (row.isEmpty()) {
			this.unknown.put(appid, Boolean.TRUE);
			return Optional.empty();
		}
		WxRegisteredApp read = this.table.app(row.get());
		// A change applied meanwhile is newer than what was read
		WxRegisteredApp kept = this.known.putIfAbsent(appid, read);
		return Optional.of((kept != null) ? kept : read);
	}

	@Override
	public Optional<String> defaultAppid() {
		return this.propertiesApps.defaultAppid();
	}

	@Override
	public List<WxRegisteredApp> list() {
		List<WxRegisteredApp> fixed = this.propertiesApps.list();
		Set<String> fixedAppids = fixed.stream().map(WxRegisteredApp::appid).collect(Collectors.toSet());
		return Stream.concat(fixed.stream(),
				this.table.readAll()
					.stream()
					.filter((row) -> !fixedAppids.contains(row.appid()))
					.map(this.table::app))
			.toList();
	}

	@Override
	public void onChange(Consumer<String> listener) {
		this.listeners.add(listener);
		this.propertiesApps.onChange(listener);
	}

	@Override
	public WxRegisteredApp register(WxAppRegistration registration) {
		String appid = registration.appid();
		requireWritable(appid);
		requireAppid(appid);
		String secret = requireSecret(registration.secret());
		String tenant = (registration.tenant() != null) ? WxTenant.requireValid(registration.tenant()) : WxTenant.DEFAULT;
		WxPushSettings push = push(registration.pushToken(), registration.pushEncodingAesKey());
		this.table.register(appid, tenant, secret, push, registration.enabled());
		return appliedLocally(appid);
	}

	@Override
	public WxRegisteredApp changeSecret(String appid, String secret) {
		requireWritable(appid);
		requireChanged(appid, this.table.changeSecret(appid, requireSecret(secret)));
		return appliedLocally(appid);
	}

	@Override
	public WxRegisteredApp changePush(String appid, @Nullable String token, @Nullable String encodingAesKey) {
		requireWritable(appid);
		requireChanged(appid, this.table.changePush(appid, push(token, encodingAesKey)));
		return appliedLocally(appid);
	}

	@Override
	public WxRegisteredApp changeTenant(String appid, String tenant) {
		requireWritable(appid);
		WxTenant.requireValid(tenant);
		WxAppTable.Row row = this.table.read(appid)
			.filter((read) -> !read.removed())
			.orElseThrow(() -> noSuchApp(appid));
		if (!row.tenant().equals(tenant) && this.table.hasIdentities(appid)) {
			throw new IllegalStateException("the app " + appid + " has signed users in to tenant " + row.tenant()
					+ ", and accounts never cross tenants");
		}
		requireChanged(appid, this.table.changeTenant(appid, tenant));
		return appliedLocally(appid);
	}

	@Override
	public WxRegisteredApp disable(String appid) {
		requireWritable(appid);
		requireChanged(appid, this.table.changeEnabled(appid, false));
		return appliedLocally(appid);
	}

	@Override
	public WxRegisteredApp enable(String appid) {
		requireWritable(appid);
		requireChanged(appid, this.table.changeEnabled(appid, true));
		return appliedLocally(appid);
	}

	@Override
	public void remove(String appid) {
		requireWritable(appid);
		requireChanged(appid, this.table.remove(appid));
		this.table.read(appid).ifPresentOrElse(this::applyChanged, () -> {
			this.known.remove(appid);
			notifyListeners(appid);
		});
	}

	/** Read back what was just written, and have it in force here at once. */
	private WxRegisteredApp appliedLocally(String appid) {
		WxAppTable.Row row = this.table.read(appid).orElseThrow(() -> noSuchApp(appid));
		WxRegisteredApp app = this.table.app(row);
		this.unknown.invalidate(appid);
		this.known.put(appid, app);
		if (markNotified(row)) {
			notifyListeners(appid);
		}
		return app;
	}

	/** A row written here or on another instance: the app kept in memory, if any, is replaced. */
	private void applyChanged(WxAppTable.Row row) {
		String appid = row.appid();
		boolean unseen = markNotified(row);
		this.unknown.invalidate(appid);
		try {
			this.known.computeIfPresent(appid, (key, kept) -> row.removed() ? null : this.table.app(row));
		}
		catch (RuntimeException ex) {
			// A row that does not decrypt (or holds settings of the wrong form) is read, and fails, on its next
			// use rather than served as it was; the poll goes on with the other rows
			this.known.remove(appid);
			if (unseen) {
				logger.warn("The app " + appid + " changed in table wx_app but cannot be read: " + ex.getMessage());
			}
		}
		if (unseen) {
			notifyListeners(appid);
		}
	}

	/** The poll sees each change several times (its window overlaps): the listeners hear of it once. */
	private boolean markNotified(WxAppTable.Row row) {
		boolean[] newer = { false };
		this.notifiedVersions.compute(row.appid(), (appid, before) -> {
			newer[0] = before == null || before < row.version();
			return newer[0] ? row.version() : before;
		});
		return newer[0];
	}

	private void notifyListeners(String appid) {
		for (Consumer<String> listener : this.listeners) {
			try {
				listener.accept(appid);
			}
			catch (RuntimeException ex) {
				logger.warn("A listener of the app registry failed on the change of app " + appid, ex);
			}
		}
	}

	private boolean isPlausibleAppid(String appid) {
		return !appid.isEmpty() && appid.length() <= MAX_APPID_LENGTH
				&& (!this.validateAppidFormat || APPID_FORMAT.matcher(appid).matches());
	}

	private void requireWritable(String appid) {
		if (this.propertiesApps.find(appid).isPresent()) {
			throw new IllegalStateException("the app " + appid + " is configured in the properties, which are "
					+ "read-only at run time");
		}
	}

	private void requireAppid(String appid) {
		if (appid.isBlank() || appid.length() > MAX_APPID_LENGTH) {
			throw new IllegalArgumentException("an AppID is 1 to " + MAX_APPID_LENGTH + " characters");
		}
		if (this.validateAppidFormat && !APPID_FORMAT.matcher(appid).matches()) {
			throw new IllegalArgumentException("an AppID is 'wx' and 16 hexadecimal digits");
		}
	}

	private static String requireSecret(String secret) {
		if (secret.isBlank() || secret.length() > MAX_SECRET_LENGTH || !secret.strip().equals(secret)) {
			throw new IllegalArgumentException("an AppSecret is 1 to " + MAX_SECRET_LENGTH
					+ " characters without surrounding spaces");
		}
		return secret;
	}

	private static @Nullable WxPushSettings push(@Nullable String token, @Nullable String encodingAesKey) {
		if (token == null) {
			if (encodingAesKey != null) {
				throw new IllegalArgumentException("an EncodingAESKey needs its token");
			}
			return null;
		}
		return new WxPushSettings(token, encodingAesKey);
	}

	private static void requireChanged(String appid, boolean changed) {
		if (!changed) {
			throw noSuchApp(appid);
		}
	}

	private static NoSuchElementException noSuchApp(String appid) {
		return new NoSuchElementException("the table wx_app holds no app " + appid);
	}

	@Override
	public void start() {
		this.poller.start();
	}

	@Override
	public void stop() {
		this.poller.stop();
	}

	@Override
	public boolean isRunning() {
		return this.poller.isRunning();
	}

	@Override
	public String toString() {
		return "JdbcWxAppRegistry[known=" + this.known.size() + "]";
	}

}
