package io.github.wxlogin.avatar;

import java.util.Optional;

import io.github.wxlogin.WxAccount;
import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxProfile;
import io.github.wxlogin.WxUser;
import io.github.wxlogin.WxUserService;
import io.github.wxlogin.app.WxApps;
import io.github.wxlogin.avatar.AvatarCheckStore.PendingAvatarCheck;
import io.github.wxlogin.event.WxAvatarVerdictEvent;
import io.github.wxlogin.event.WxMediaCheckEvent;
import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.login.WxLoginException.Reason;
import io.github.wxlogin.wechat.WxApiClient;
import io.github.wxlogin.wechat.WxApp;
import io.github.wxlogin.wechat.WxContentVerdict;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The avatar use case: an uploaded image is checked and written anew ({@link AvatarImages}), kept in the
 * {@link WxAvatarStore} under an id of its owner and content, and made the account's avatar through
 * {@link WxUserService#updateProfile}; the account's previous uploaded avatar is deleted. With the image
 * check on, WeChat is asked to check the avatar, and its verdict ({@link #verdict(WxMediaCheckEvent)})
 * removes a risky avatar from the profile and the store.
 */
public class WxAvatarService {

	private static final Log logger = LogFactory.getLog(WxAvatarService.class);

	private final AvatarImages images;

	private final WxAvatarStore store;

	private final WxUserService users;

	private final WxApps apps;

	private final AvatarImageCheck check;

	/**
	 * Create the service.
	 * @param images the checks and re-encoding of uploads
	 * @param store where avatars are kept
	 * @param users the host's users
	 * @param apps the mini programs served
	 * @param check WeChat's image check, or {@link AvatarImageCheck#OFF}
	 */
	public WxAvatarService(AvatarImages images, WxAvatarStore store, WxUserService users, WxApps apps,
			AvatarImageCheck check) {
		this.images = images;
		this.store = store;
		this.users = users;
		this.apps = apps;
		this.check = check;
	}

	/**
	 * Return the checks of uploads, whose byte limit the web layer applies while reading the upload.
	 * @return the checks
	 */
	public AvatarImages images() {
		return this.images;
	}

	/**
	 * Read a kept avatar, for the starter's serving endpoint.
	 * @param id the avatar's id
	 * @return the image
	 * @throws WxLoginException if the id is malformed, or no image is kept under it here
	 */
	public WxAvatarStore.StoredAvatar find(String id) {
		return (AvatarIds.FORM.matcher(id).matches() ? this.store.find(id) : Optional.<WxAvatarStore.StoredAvatar>empty())
			.orElseThrow(() -> new WxLoginException(Reason.AVATAR_NOT_FOUND, "There is no avatar with this id."));
	}

	/**
	 * Make an uploaded image the caller's avatar.
	 * @param caller the caller, whose openid WeChat's image check is for
	 * @param upload the bytes uploaded
	 * @return the avatar's URL and the account afterwards
	 * @throws WxLoginException if the image is too large or not a readable JPEG, PNG or WebP image, or the
	 * caller's mini program or account is gone
	 */
	public AvatarUpload upload(WxPrincipal caller, byte[] upload) {
		WxApp app = this.apps.find(caller.appid())
			.orElseThrow(WxLoginException::appNotServed);
		WxUser user = this.users.findByPrincipal(caller)
			.orElseThrow(WxLoginException::userGone);
		String openid = caller.openid();
		AvatarImage image = this.images.reencode(upload);
		String url = this.store.put(AvatarIds.of(user.id(), image), image.bytes(), image.contentType());
		if (this.check.enabled() && this.check.waitForVerdict()) {
			requestCheck(app, openid, user, url);
			return new AvatarUpload(url, user, true);
		}
		WxUser updated = replace(user, url);
		if (this.check.enabled()) {
			requestCheck(app, openid, user, url);
		}
		return new AvatarUpload(url, updated, this.check.enabled());
	}

	/**
	 * Act on WeChat's verdict on an image: a risky avatar is deleted and, while it is still the account's,
	 * removed from the profile; with {@code waitForVerdict}, an avatar that passed becomes the account's.
	 * Verdicts on images this service did not send, and verdicts pushed again, do nothing.
	 * @param verdict the verdict WeChat pushed
	 */
	public void verdict(WxMediaCheckEvent verdict) {
		AvatarCheckStore pending = this.check.pending();
		ApplicationEventPublisher events = this.check.events();
		if (pending == null || events == null) {
			return;
		}
		Optional<PendingAvatarCheck> checked = pending.take(verdict.traceId());
		if (checked.isEmpty()) {
			return;
		}
		String url = checked.get().avatarUrl();
		Optional<WxUser> user = this.users.findById(checked.get().userId());
		boolean removed = false;
		if (verdict.verdict() == WxContentVerdict.RISKY) {
			if (user.isPresent() && url.equals(user.get().avatarUrl())) {
				this.users.updateProfile(user.get().id(), WxProfile.removingAvatar());
				removed = true;
			}
			this.store.idOf(url).ifPresent(this.store::delete);
		}
		else if (this.check.waitForVerdict() && user.isPresent()) {
			replace(user.get(), url);
		}
		events.publishEvent(new WxAvatarVerdictEvent(checked.get().userId(), url, verdict.verdict(), removed));
	}

	/** Make a URL the account's avatar, and delete the account's previous uploaded one. */
	/**
	 * Erase the avatar an account uploaded, as its deletion or its merge into another account calls for. An
	 * avatar URL of elsewhere, or of another account's upload, is left alone; erasing twice does nothing.
	 * @param account the account as it was
	 */
	public void eraseAvatarOf(WxAccount account) {
		String url = account.avatarUrl();
		if (url != null) {
			this.store.idOf(url).filter((id) -> AvatarIds.ownedBy(id, account.id())).ifPresent(this.store::delete);
		}
	}

	private WxUser replace(WxUser user, String url) {
		WxUser updated = this.users.updateProfile(user.id(), new WxProfile(null, url));
		String previous = user.avatarUrl();
		if (previous != null && !previous.equals(url)) {
			// Only an avatar this account uploaded: a URL set by hand may name anyone's
			this.store.idOf(previous).filter((id) -> AvatarIds.ownedBy(id, user.id())).ifPresent(this.store::delete);
		}
		return updated;
	}

	private void requestCheck(WxApp app, String openid, WxUser user, String url) {
		WxApiClient wechat = this.check.wechat();
		AvatarCheckStore pending = this.check.pending();
		if (wechat == null || pending == null) {
			return;
		}
		try {
			pending.save(wechat.mediaCheckAsync(app, openid, url), new PendingAvatarCheck(user.id(), url));
		}
		catch (RuntimeException ex) {
			// The avatar is stored and, unless the verdict is awaited, shown; a failed check must not lose it
			if (this.check.waitForVerdict()) {
				if (!url.equals(user.avatarUrl())) {
					this.store.idOf(url).ifPresent(this.store::delete);
				}
				throw ex;
			}
			logger.warn("WeChat's image check of an avatar could not be requested: " + ex.getMessage());
		}
	}

	/**
	 * An avatar made the account's.
	 *
	 * @param avatarUrl the avatar's URL
	 * @param user the account afterwards
	 * @param checking whether WeChat's verdict is still to come
	 */
	public record AvatarUpload(String avatarUrl, WxUser user, boolean checking) {
	}

}
