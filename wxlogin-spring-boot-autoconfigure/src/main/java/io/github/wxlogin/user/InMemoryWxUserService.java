package io.github.wxlogin.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.github.wxlogin.PhoneConflictException;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import org.jspecify.annotations.Nullable;

/**
 * {@link WxUserService} that keeps users in this instance's memory. Users are lost on restart and not
 * shared between instances, so it suits development and tests.
 * <p>
 * Thread-safe: concurrent first logins of one openid create one user, and a phone number is bound to
 * at most one user of a mini program.
 */
public class InMemoryWxUserService implements WxUserService {

	private final Map<String, WxUser> usersById = new ConcurrentHashMap<>();

	private final Map<AppScopedKey, String> userIdsByOpenid = new ConcurrentHashMap<>();

	private final Map<AppScopedKey, String> userIdsByPhone = new ConcurrentHashMap<>();

	private final Clock clock;

	/**
	 * Create a new in-memory user service.
	 * @param clock the clock that stamps creation and update times
	 */
	public InMemoryWxUserService(Clock clock) {
		this.clock = clock;
	}

	@Override
	public WxUserLogin findOrCreate(WxIdentity identity) {
		WxUser candidate = newUser(identity);
		// computeIfAbsent runs at most once per key, so exactly one concurrent first login creates
		String userId = this.userIdsByOpenid.computeIfAbsent(new AppScopedKey(identity.appid(), identity.openid()),
				(key) -> {
					this.usersById.put(candidate.id(), candidate);
					return candidate.id();
				});
		if (userId.equals(candidate.id())) {
			return new WxUserLogin(candidate, true);
		}
		return new WxUserLogin(recordUnionid(userId, identity.unionid()), false);
	}

	@Override
	public Optional<WxUser> findById(String userId) {
		return Optional.ofNullable(this.usersById.get(userId));
	}

	/**
	 * Find the user of a mini program with the given unionid.
	 * @param appid the mini program's AppID
	 * @param unionid the user's unionid
	 * @return the user, or empty when none of the mini program's users has this unionid
	 */
	public Optional<WxUser> findByUnionid(String appid, String unionid) {
		return this.usersById.values()
			.stream()
			.filter((user) -> user.appid().equals(appid) && unionid.equals(user.unionid()))
			.findFirst();
	}

	@Override
	public WxUser bindPhone(String userId, WxPhone phone) {
		// Claiming and freeing numbers inside the user's compute keeps concurrent binds of one user in order
		return update(userId, (current) -> {
			String owner = this.userIdsByPhone.putIfAbsent(new AppScopedKey(current.appid(), phone.phoneNumber()),
					userId);
			if (owner != null && !owner.equals(userId)) {
				throw new PhoneConflictException();
			}
			String oldNumber = current.phoneNumber();
			if (oldNumber != null && !oldNumber.equals(phone.phoneNumber())) {
				this.userIdsByPhone.remove(new AppScopedKey(current.appid(), oldNumber), userId);
			}
			return new WxUser(current.id(), current.appid(), current.openid(), current.unionid(), phone.phoneNumber(),
					phone.countryCode(), current.nickname(), current.avatarUrl(), current.createdAt(), now());
		});
	}

	@Override
	public WxUser updateProfile(String userId, WxProfile profile) {
		return update(userId, (current) -> new WxUser(current.id(), current.appid(), current.openid(),
				current.unionid(), current.phoneNumber(), current.countryCode(),
				(profile.nickname() != null) ? profile.nickname() : current.nickname(),
				(profile.avatarUrl() != null) ? profile.avatarUrl() : current.avatarUrl(), current.createdAt(), now()));
	}

	private WxUser recordUnionid(String userId, @Nullable String unionid) {
		if (unionid == null) {
			return findById(userId).orElseThrow(() -> noSuchUser(userId));
		}
		return update(userId, (current) -> {
			if (current.unionid() != null) {
				return current;
			}
			return new WxUser(current.id(), current.appid(), current.openid(), unionid, current.phoneNumber(),
					current.countryCode(), current.nickname(), current.avatarUrl(), current.createdAt(), now());
		});
	}

	private WxUser update(String userId, UnaryOperator<WxUser> change) {
		WxUser updated = this.usersById.computeIfPresent(userId, (id, current) -> change.apply(current));
		if (updated == null) {
			throw noSuchUser(userId);
		}
		return updated;
	}

	private WxUser newUser(WxIdentity identity) {
		Instant now = now();
		return new WxUser(UUID.randomUUID().toString(), identity.appid(), identity.openid(), identity.unionid(), null,
				null, null, null, now, now);
	}

	// Milliseconds, so that users compare equal with what a JDBC store gives back
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static NoSuchElementException noSuchUser(String userId) {
		return new NoSuchElementException("No user with id " + userId);
	}

	/**
	 * A value that is unique within one mini program, such as an openid or a phone number.
	 */
	private record AppScopedKey(String appid, String value) {
	}

}
