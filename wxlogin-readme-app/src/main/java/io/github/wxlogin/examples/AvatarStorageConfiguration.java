package io.github.wxlogin.examples;

import java.util.Optional;

import io.github.wxlogin.avatar.WxAvatarStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AvatarStorageConfiguration {

	private static final String PUBLIC_URL = "https://cdn.example.com/avatars/"; // the CDN of the bucket

	@Bean
	WxAvatarStore objectStorageAvatars(Bucket bucket) {
		return new WxAvatarStore() {

			@Override
			public String put(String id, byte[] image, String contentType) {
				bucket.put("avatars/" + id, image, contentType);
				return PUBLIC_URL + id;
			}

			@Override
			public Optional<String> idOf(String url) {
				return url.startsWith(PUBLIC_URL) ? Optional.of(url.substring(PUBLIC_URL.length())) : Optional.empty();
			}

			@Override
			public void delete(String id) {
				bucket.delete("avatars/" + id);
			}

		};
	}

	interface Bucket { // your storage SDK's client: S3Client (AWS, MinIO), COSClient, OSS

		void put(String key, byte[] bytes, String contentType);

		void delete(String key);

	}

}
