package io.github.wxlogin;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The account model behind {@link WxUserService}: an account (the host's user id) owns any number of
 * WeChat identities ({@code appid} + {@code openid}, with the {@code unionid} when known) and at most one
 * phone. Phone-number login and the host's linking API need it; the starter's in-memory and JDBC user
 * stores implement it, and a host with its own user model implements it to get them.
 * <p>
 * Every account belongs to a {@linkplain WxTenant tenant}, the tenant of the mini program it was made
 * in ({@link WxIdentity#tenant()}); accounts of two tenants never meet. Every implementation keeps these
 * rules, also under concurrent calls from several instances:
 * <ul>
 * <li>one identity belongs to exactly one account, and one phone number to at most one account of a
 * tenant (across all its mini programs);</li>
 * <li>a new identity whose unionid another identity of its tenant already carries joins that identity's
 * account, in {@link #findOrCreate} as in {@link #signInWithPhone};</li>
 * <li>an account's identities are of its tenant's mini programs;</li>
 * <li>a refused call changes nothing.</li>
 * </ul>
 * The methods that take no tenant work in the {@link WxTenant#DEFAULT default} tenant, the only one of
 * a back end that names none.
 * <p>
 * The {@link WxUser}s this interface returns show the account through one of its identities: the one
 * named in the call, or else the identity linked first.
 */
public interface WxAccountStore extends WxUserService {

	/**
	 * Find an account with its identities.
	 * @param userId the account's id
	 * @return the account, or empty when there is none
	 */
	Optional<WxAccount> findAccount(String userId);

	/**
	 * Find the account of a tenant that owns a phone number, for example to link a mini program to an
	 * account the host created elsewhere.
	 * @param tenant the tenant
	 * @param phoneNumber the number as WeChat gives it ({@link WxPhone#phoneNumber()})
	 * @return the account, or empty when no account of the tenant has this number
	 */
	Optional<WxAccount> findByPhone(String tenant, String phoneNumber);

	/**
	 * Find the account of the {@link WxTenant#DEFAULT default} tenant that owns a phone number.
	 * @param phoneNumber the number as WeChat gives it ({@link WxPhone#phoneNumber()})
	 * @return the account, or empty when no account of the default tenant has this number
	 */
	default Optional<WxAccount> findByPhone(String phoneNumber) {
		return findByPhone(WxTenant.DEFAULT, phoneNumber);
	}

	/**
	 * Find the user an identity belongs to, seen through that identity.
	 * @param appid the mini program's AppID
	 * @param openid the user's openid within it
	 * @return the user, or empty when the identity belongs to no account
	 */
	Optional<WxUser> findByIdentity(String appid, String openid);

	@Override
	default Optional<WxUser> findByPrincipal(WxPrincipal principal) {
		return findByIdentity(principal.appid(), principal.openid())
			.filter((user) -> user.id().equals(principal.userId()));
	}

	/**
	 * Create an account of a tenant that has a phone and no WeChat identity yet, for a user the host knows
	 * from elsewhere (its web site, an app): the user's first phone-number login in a mini program of the
	 * tenant links to it.
	 * @param tenant the tenant
	 * @param phone the phone number
	 * @return the new account
	 * @throws WxAccountException ({@code PHONE_CONFLICT}) if an account of the tenant already has this phone
	 */
	WxAccount createAccount(String tenant, WxPhone phone);

	/**
	 * Create an account of the {@link WxTenant#DEFAULT default} tenant that has a phone and no WeChat
	 * identity yet.
	 * @param phone the phone number
	 * @return the new account
	 * @throws WxAccountException ({@code PHONE_CONFLICT}) if an account of the default tenant already has
	 * this phone
	 */
	default WxAccount createAccount(WxPhone phone) {
		return createAccount(WxTenant.DEFAULT, phone);
	}

	/**
	 * Sign a WeChat identity in with a phone number WeChat vouched for, as phone-number login does; the
	 * phone's owner and the unionid's account are looked for in the identity's tenant only:
	 * <ul>
	 * <li>the identity belongs to no account and an account owns the phone: the identity is linked to it
	 * ({@link WxPhoneSignIn.Outcome#LINKED});</li>
	 * <li>the identity belongs to no account and nobody owns the phone: the identity joins the account of
	 * its unionid, when one is known, and the phone is bound to that account
	 * ({@link WxPhoneSignIn.Outcome#BOUND}); otherwise a new account is created with the identity and the
	 * phone ({@link WxPhoneSignIn.Outcome#CREATED});</li>
	 * <li>the identity belongs to an account and nobody owns the phone: the phone is bound to that
	 * account, replacing the one it had, as {@link #bindPhone} does ({@link WxPhoneSignIn.Outcome#BOUND});</li>
	 * <li>the identity's account owns the phone: nothing changes ({@link WxPhoneSignIn.Outcome#SIGNED_IN});</li>
	 * <li>the identity belongs to one account and the phone to another: {@link WxAccountException}
	 * ({@code IDENTITY_CONFLICT}), and nothing changes.</li>
	 * </ul>
	 * A disabled account is signed in like any other: the caller checks {@link #isDisabled}.
	 * @param identity who WeChat says the user is
	 * @param phone the phone number WeChat vouched for
	 * @return the user, seen through the identity, and what the sign-in changed
	 * @throws WxAccountException ({@code IDENTITY_CONFLICT}) if the identity and the phone belong to two
	 * accounts
	 */
	WxPhoneSignIn signInWithPhone(WxIdentity identity, WxPhone phone);

	/**
	 * Link a WeChat identity to an account; linking an identity the account already has changes nothing.
	 * @param userId the account's id
	 * @param identity the identity
	 * @return the account as stored afterwards
	 * @throws WxAccountException ({@code IDENTITY_CONFLICT}) if the identity belongs to another account
	 * @throws IllegalArgumentException if the identity is of another tenant than the account
	 * @throws NoSuchElementException if there is no such account
	 */
	WxAccount linkIdentity(String userId, WxIdentity identity);

	/**
	 * Unlink a WeChat identity from an account. The last identity of an account that has no phone stays:
	 * without it nobody could sign in to the account again.
	 * @param userId the account's id
	 * @param appid the identity's mini program
	 * @param openid the identity's openid
	 * @return the account as stored afterwards
	 * @throws WxAccountException ({@code LAST_IDENTITY}) if it is the last identity of an account without a
	 * phone
	 * @throws NoSuchElementException if there is no such account, or the identity is not linked to it
	 */
	WxAccount unlinkIdentity(String userId, String appid, String openid);

	/**
	 * The WeChat identities of an account, the one linked first first.
	 * @param userId the account's id
	 * @return the identities
	 * @throws NoSuchElementException if there is no such account
	 */
	default List<WxLinkedIdentity> identities(String userId) {
		return findAccount(userId).map(WxAccount::identities)
			.orElseThrow(() -> new NoSuchElementException("No account with id " + userId));
	}

	/**
	 * Disable an account: {@link #isDisabled} says so until it is enabled again.
	 * @param userId the account's id
	 * @return the account as stored afterwards
	 * @throws NoSuchElementException if there is no such account
	 */
	WxAccount disable(String userId);

	/**
	 * Disable an account on terms: {@link #isDisabled} says so until the ban's end, if it has one, or until
	 * the account is enabled again; {@link #findBan} gives the terms. A ban with an end lifts itself then,
	 * with nothing to run. Disabling an account disabled already replaces its terms. The default takes a ban
	 * without end or reason only; the starter's stores take any.
	 * @param userId the account's id
	 * @param ban the terms
	 * @return the account as stored afterwards
	 * @throws NoSuchElementException if there is no such account
	 * @throws UnsupportedOperationException if the store keeps no terms and the ban has some
	 */
	default WxAccount disable(String userId, WxBan ban) {
		if (ban.until() != null || ban.reason() != null) {
			throw new UnsupportedOperationException(getClass().getName() + " keeps no end or reason of a ban");
		}
		return disable(userId);
	}

	/**
	 * Enable an account disabled before.
	 * @param userId the account's id
	 * @return the account as stored afterwards
	 * @throws NoSuchElementException if there is no such account
	 */
	WxAccount enable(String userId);

	/**
	 * Register what runs after an account is disabled: the starter ends the account's sessions there, so
	 * that disabling an account through the store cuts off its devices as {@code WxAccountManager} does.
	 * The starter's stores run the listener after each {@link #disable}; the default ignores it, and
	 * disabling through {@code WxAccountManager} ends the sessions either way.
	 * @param listener takes the id of the account disabled
	 */
	default void whenDisabled(Consumer<String> listener) {
	}

	@Override
	default boolean isDisabled(String userId) {
		return findBan(userId).isPresent();
	}

	@Override
	default Optional<WxBan> findBan(String userId) {
		return findAccount(userId).map(WxAccount::ban);
	}

	/**
	 * The result of {@link #signInWithPhone}.
	 *
	 * @param user the user, seen through the identity that signed in
	 * @param outcome what the sign-in changed
	 */
	record WxPhoneSignIn(WxUser user, Outcome outcome) {

		/**
		 * What a phone sign-in changed.
		 */
		public enum Outcome {

			/** A new account was created with the identity and the phone. */
			CREATED,

			/** The identity was linked to the account that owns the phone. */
			LINKED,

			/** The phone was bound to the identity's account (the identity may just have joined it by unionid). */
			BOUND,

			/** The identity's account already owned the phone: nothing changed. */
			SIGNED_IN

		}

	}

}
