package io.github.wxlogin.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.avatar.WxAvatarService;
import io.github.wxlogin.avatar.WxAvatarService.AvatarUpload;
import io.github.wxlogin.avatar.WxAvatarStore.StoredAvatar;
import io.github.wxlogin.http.WxLoginEndpoints;
import io.github.wxlogin.login.WxLoginException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The avatar endpoints: the upload ({@code multipart/form-data} with the part {@code file}, as
 * {@code wx.uploadFile} sends it) and the starter's own store's avatars, served with a year-long immutable
 * cache lifetime (an id names one content forever).
 */
@RestController
@RequestMapping(WxLoginEndpoints.BASE_PATH_MAPPING)
public class WxAvatarController {

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final WxAvatarService avatars;

	/**
	 * Create the controller.
	 * @param avatars the avatar use case
	 */
	public WxAvatarController(WxAvatarService avatars) {
		this.avatars = avatars;
	}

	@PostMapping(path = WxLoginEndpoints.PROFILE_AVATAR, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	public AvatarResponse upload(@AuthenticationPrincipal @Nullable WxPrincipal principal,
			@RequestPart("file") MultipartFile file) throws IOException {
		// The endpoints' own chain requires a token; a host chain without that rule gets a 401 here
		WxPrincipal caller = Optional.ofNullable(principal)
			.orElseThrow(WxLoginException::notSignedIn);
		this.avatars.images().checkSize(file.getSize());
		AvatarUpload upload = this.avatars.upload(caller, file.getBytes());
		return new AvatarResponse(upload.avatarUrl(), upload.checking());
	}

	@GetMapping(WxLoginEndpoints.AVATAR)
	public ResponseEntity<byte[]> avatar(@PathVariable String id) {
		StoredAvatar avatar = this.avatars.find(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(avatar.contentType()))
			.cacheControl(IMMUTABLE)
			.eTag("\"" + id + "\"")
			.header("X-Content-Type-Options", "nosniff")
			.body(avatar.bytes());
	}

}
