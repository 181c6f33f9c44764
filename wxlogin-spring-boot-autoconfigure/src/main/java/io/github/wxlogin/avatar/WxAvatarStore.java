package io.github.wxlogin.avatar;

import java.util.Optional;

/**
 * Where avatars are kept. The starter hands a store images it has checked and written anew, each under an
 * id made of the owner's and the content's SHA-256 (so the same id always means the same bytes), and
 * deletes an account's old avatar when it is replaced or rejected by WeChat's image check.
 * <p>
 * The default keeps them in a directory and serves them at {@code GET {base-path}/avatars/{id}}; a host
 * declares its own bean to put them in object storage (S3-compatible, COS, OSS) and hand out that
 * storage's URLs instead.
 */
public interface WxAvatarStore {

	/**
	 * Keep an image. Putting an id that is already kept does nothing: its bytes are the same.
	 * @param id the image's id: lowercase hex, a dot and the extension ({@code jpg} or {@code png})
	 * @param image the image
	 * @param contentType {@code image/jpeg} or {@code image/png}
	 * @return the URL clients show the image from
	 */
	String put(String id, byte[] image, String contentType);

	/**
	 * Tell the id of an image from its URL.
	 * @param url an avatar URL, perhaps not one of this store's (a host may set any URL as an avatar)
	 * @return the id when the URL is one this store handed out, otherwise empty
	 */
	Optional<String> idOf(String url);

	/**
	 * Delete an image. Deleting one that is not kept does nothing.
	 * @param id the image's id
	 */
	void delete(String id);

	/**
	 * Read an image, for the starter's {@code GET {base-path}/avatars/{id}} endpoint. Stores whose URLs
	 * point elsewhere keep the default, and the endpoint answers 404.
	 * @param id the image's id
	 * @return the image, or empty when it is not kept here
	 */
	default Optional<StoredAvatar> find(String id) {
		return Optional.empty();
	}

	/**
	 * An image as a store keeps it.
	 *
	 * @param bytes the image
	 * @param contentType {@code image/jpeg} or {@code image/png}
	 */
	record StoredAvatar(byte[] bytes, String contentType) {
	}

}
