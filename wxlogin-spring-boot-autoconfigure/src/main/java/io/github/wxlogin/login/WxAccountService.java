package io.github.wxlogin.login;

import java.util.List;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxAccountException;
import io.github.wxlogin.WxAccountStore;
import io.github.wxlogin.WxIdentity;
import io.github.wxlogin.WxLinkedIdentity;
import io.github.wxlogin.WxPhone;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.session.WxLoginSessionService;
import io.github.wxlogin.session.WxSessionEndReason;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxContentVerdict;
import io.github.wxlogin.wechat.WxSessionKeyStore;
import io.micrometer.observation.ObservationRegistry;

/**
 * What a signed-in caller does with its own account: read it and its linked WeChat identities, unlink
 * the account from another mini program, bind a phone number (from a {@code getPhoneNumber} code, or from
 * an older client's encrypted data), and change the profile (from the client's form, with WeChat's content
 * check when it is on, or from an older client's signed profile).
 * <p>
 * A host replaces or decorates this service by declaring a bean of this type.
 */
public class WxAccountService {

	private final WxApps apps;

	private final WxApiClient wechat;

	private final WxSessionKeyStore sessionKeys;

	private final WxUserService users;

	private final WxLoginSessionService sessions;

	private final boolean contentCheck;

	private final boolean checkEncryptedData;

	private final PhoneNumbers phoneNumbers;

	/**
	 * Create the service.
	 * @param apps the mini programs served
	 * @param wechat the WeChat client
	 * @param sessionKeys the store of session keys
	 * @param users the host's users
	 * @param sessions the login sessions, which end with the identity they were made with
	 * @param contentCheck whether nicknames go through WeChat's msgSecCheck
	 * @param observations where the phone numbers WeChat gives are observed, {@link ObservationRegistry#NOOP}
	 * for nowhere
	 */
	public WxAccountService(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys, WxUserService users,
			WxLoginSessionService sessions, boolean contentCheck, ObservationRegistry observations) {
		this(apps, wechat, sessionKeys, users, sessions, contentCheck, false, observations);
	}

	/**
	 * Create the service, with or without WeChat's check of an older client's phone data.
	 * @param apps the mini programs served
	 * @param wechat the WeChat client
	 * @param sessionKeys the store of session keys
	 * @param users the host's users
	 * @param sessions the login sessions, which end with the identity they were made with
	 * @param contentCheck whether nicknames go through WeChat's msgSecCheck
	 * @param checkEncryptedData whether an older client's encrypted phone data must be one WeChat made in the
	 * last three days (checkencryptedmsg), refusing a replay of older data
	 * @param observations where the phone numbers WeChat gives are observed, {@link ObservationRegistry#NOOP}
	 * for nowhere
	 */
	public WxAccountService(WxApps apps, WxApiClient wechat, WxSessionKeyStore sessionKeys, WxUserService users,
			WxLoginSessionService sessions, boolean contentCheck, boolean checkEncryptedData,
			ObservationRegistry observations) {
		this.checkEncryptedData = checkEncryptedData;
		this.apps = apps;
		this.wechat = wechat;
		this.sessionKeys = sessionKeys;
		this.users = users;
		this.sessions = sessions;
		this.contentCheck = contentCheck;
		this.phoneNumbers = new PhoneNumbers(wechat, observations);
	}

	/**
	 * Return the caller's user.
	 * @param caller the signed-in caller
	 * @return the user
	 */
	public WxUser user(WxPrincipal caller) {
		return this.users.findByPrincipal(caller)
			.orElseThrow(WxLoginException::userGone);
	}

	/**
	 * Return the WeChat identities of the caller's account, the one linked first first. With a
	 * {@link WxUserService} that is no {@link WxAccountStore}, the caller's own identity is the only one.
	 * @param caller the signed-in caller
	 * @return the identities
	 */
	public List<WxLinkedIdentity> identities(WxPrincipal caller) {
		if (this.users instanceof WxAccountStore accounts) {
			return accounts.findAccount(caller.userId())
				.map(WxAccount::identities)
				.orElseThrow(WxLoginException::userGone);
		}
		WxUser user = user(caller);
		return List.of(new WxLinkedIdentity(user.appid(), user.openid(), user.unionid(), user.createdAt()));
	}

	/**
	 * Unlink the caller's account from another mini program: its identities there are unlinked, and the
	 * account's sessions there end. The identity the caller is using stays: a caller cannot cut the branch
	 * it sits on.
	 * @param caller the signed-in caller
	 * @param appid the mini program to unlink
	 * @return the identities left
	 */
	public List<WxLinkedIdentity> unlinkIdentity(WxPrincipal caller, String appid) {
		WxUser user = user(caller);
		if (appid.equals(caller.appid())) {
			throw WxLoginException.invalidRequest(
					"The identity this token was issued to cannot be unlinked; unlink it from another mini program.");
		}
		if (!(this.users instanceof WxAccountStore accounts)) {
			throw notLinked();
		}
		List<WxLinkedIdentity> linked = accounts.identities(user.id())
			.stream()
			.filter((identity) -> identity.appid().equals(appid))
			.toList();
		if (linked.isEmpty()) {
			throw notLinked();
		}
		for (WxLinkedIdentity identity : linked) {
			accounts.unlinkIdentity(user.id(), identity.appid(), identity.openid());
		}
		this.sessions.endSessions(user.id(), appid, WxSessionEndReason.SESSION_ENDED);
		return accounts.identities(user.id());
	}

	/**
	 * Bind the phone number of a {@code getPhoneNumber} code to the caller; WeChat checks that the code
	 * is the caller's.
	 * @param caller the signed-in caller
	 * @param phoneCode the one-time phone code
	 * @return the phone number bound
	 */
	public WxPhone bindPhone(WxPrincipal caller, String phoneCode) {
		return bind(caller, this.phoneNumbers.exchange(appOf(caller), phoneCode, caller.openid()));
	}

	/**
	 * Bind the phone number of an older client's encrypted data to the caller, decrypted with the caller's
	 * session key and checked to be made for the caller's mini program, and, when the check is on, made by
	 * WeChat in the last three days.
	 * @param caller the signed-in caller
	 * @param data the encrypted phone data
	 * @return the phone number bound
	 */
	public WxPhone bindPhone(WxPrincipal caller, EncryptedData data) {
		WxPhone phone = WxLegacyData.phone(WxLegacyData.decrypt(sessionKeyOf(caller), data, caller.appid()));
		if (this.checkEncryptedData && !this.wechat.checkEncryptedData(appOf(caller), data.encryptedData()).valid()) {
			throw WxLoginException.invalidRequest("WeChat did not make this phone data in the last three days: get "
					+ "the number again with the phone-number button.");
		}
		return bind(caller, phone);
	}

	/**
	 * Change the caller's profile from the client's form.
	 * @param caller the signed-in caller
	 * @param change the nickname, the avatar URL or both
	 * @return the user as changed
	 */
	public WxUser updateProfile(WxPrincipal caller, ProfileChange change) {
		user(caller);
		WxProfile profile = ProfileRules.ofForm(change);
		WxApp app = appOf(caller);
		if (this.contentCheck && profile.nickname() != null) {
			WxContentVerdict verdict = this.wechat.msgSecCheck(app, caller.openid(), profile.nickname());
			if (verdict != WxContentVerdict.PASS) {
				throw new WxLoginException(Reason.CONTENT_REJECTED, "The nickname was rejected by WeChat's content check.");
			}
		}
		return this.users.updateProfile(caller.userId(), profile);
	}

	/**
	 * Change the caller's profile from an older client's signed profile, once its signature verified under
	 * the caller's session key. WeChat's placeholders never replace a real nickname or avatar; a unionid in
	 * the encrypted part is recorded.
	 * @param caller the signed-in caller
	 * @param signed the signed profile
	 * @return the user as changed
	 */
	public WxUser updateProfile(WxPrincipal caller, SignedProfile signed) {
		WxUser user = user(caller);
		WxLegacyProfile verified = WxLegacyProfile.verify(signed, sessionKeyOf(caller), caller.appid());
		if (verified.unionid() != null && user.unionid() == null) {
			user = this.users
				.findOrCreate(new WxIdentity(user.appid(), user.openid(), verified.unionid(), caller.tenant()))
				.user();
		}
		WxProfile profile = ProfileRules.ofWeChat(verified.nickname(), verified.avatarUrl());
		return (profile != null) ? this.users.updateProfile(user.id(), profile) : user;
	}

	private WxPhone bind(WxPrincipal caller, WxPhone phone) {
		user(caller);
		try {
			this.users.bindPhone(caller.userId(), phone);
		}
		catch (WxAccountException ex) {
			throw switch (ex.reason()) {
				case PHONE_CONFLICT -> new WxLoginException(Reason.PHONE_CONFLICT,
						"The phone number is bound to another user.");
				// Refusals a phone binding does not make
				case IDENTITY_CONFLICT, LAST_IDENTITY, MERGE_CONFLICT -> ex;
			};
		}
		return phone;
	}

	private static WxLoginException notLinked() {
		return new WxLoginException(Reason.NOT_FOUND, "The account is not linked to that mini program.");
	}

	private WxApp appOf(WxPrincipal caller) {
		return this.apps.find(caller.appid())
			.orElseThrow(WxLoginException::appNotServed);
	}

	private String sessionKeyOf(WxPrincipal caller) {
		return this.sessionKeys.find(caller.appid(), caller.openid()).orElseThrow(WxLoginException::sessionKeyExpired);
	}

}
