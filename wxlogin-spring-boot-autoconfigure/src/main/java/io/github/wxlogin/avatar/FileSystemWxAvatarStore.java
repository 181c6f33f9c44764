package io.github.wxlogin.avatar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The default {@link WxAvatarStore}: one file per image in a directory, served by the starter at
 * {@code {base-path}/avatars/{id}}. The URLs it hands out are that path, after the avatars' public base
 * URL when one is configured. Files are written to a temporary name and moved into place, so a reader
 * never sees half an image.
 */
public class FileSystemWxAvatarStore implements WxAvatarStore {

	private final Path directory;

	private final String urlPrefix;

	/**
	 * Create a store.
	 * @param directory the directory, created when missing
	 * @param urlPrefix what comes before the id in the URLs handed out, such as
	 * {@code https://api.example.com/wx/avatars/} or {@code /wx/avatars/}
	 */
	public FileSystemWxAvatarStore(Path directory, String urlPrefix) {
		this.directory = directory.toAbsolutePath().normalize();
		this.urlPrefix = urlPrefix;
	}

	@Override
	public String put(String id, byte[] image, String contentType) {
		Path target = fileOf(id);
		try {
			Files.createDirectories(this.directory);
			if (!Files.exists(target)) {
				Path temporary = Files.createTempFile(this.directory, ".upload-", ".tmp");
				try {
					Files.write(temporary, image);
					Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
				finally {
					Files.deleteIfExists(temporary);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep an avatar in " + this.directory, ex);
		}
		return this.urlPrefix + id;
	}

	@Override
	public Optional<String> idOf(String url) {
		if (!url.startsWith(this.urlPrefix)) {
			return Optional.empty();
		}
		String id = url.substring(this.urlPrefix.length());
		return AvatarIds.FORM.matcher(id).matches() ? Optional.of(id) : Optional.empty();
	}

	@Override
	public void delete(String id) {
		try {
			Files.deleteIfExists(fileOf(id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete an avatar in " + this.directory, ex);
		}
	}

	@Override
	public Optional<StoredAvatar> find(String id) {
		Optional<String> contentType = AvatarIds.contentTypeOf(id);
		if (contentType.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new StoredAvatar(Files.readAllBytes(fileOf(id)), contentType.get()));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read an avatar in " + this.directory, ex);
		}
	}

	/** The file of an id; the id's form (hex digits and an extension) keeps it inside the directory. */
	private Path fileOf(String id) {
		if (!AvatarIds.FORM.matcher(id).matches()) {
			throw new IllegalArgumentException("Not an avatar id");
		}
		return this.directory.resolve(id);
	}

	@Override
	public String toString() {
		return "FileSystemWxAvatarStore[" + this.directory + "]";
	}

}
