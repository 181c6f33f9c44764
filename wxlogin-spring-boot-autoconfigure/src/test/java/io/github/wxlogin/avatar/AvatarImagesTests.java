package io.github.wxlogin.avatar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.login.WxLoginException.Reason;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AvatarImagesTests {

	private static final int MIB = 1024 * 1024;

	private final AvatarImages images = new AvatarImages(2 * MIB, 4096, 640);

	@Test
	void jpegIsAcceptedAndWrittenAsJpeg() throws IOException {
		AvatarImage image = this.images.reencode(TestImages.jpeg(120, 80));
		assertThat(image.contentType()).isEqualTo("image/jpeg");
		assertThat(image.extension()).isEqualTo("jpg");
		assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getWidth()).isEqualTo(120);
	}

	@Test
	void pngIsAcceptedAndStaysPngWithItsTransparency() throws IOException {
		AvatarImage image = this.images.reencode(TestImages.png(64, 64));
		assertThat(image.contentType()).isEqualTo("image/png");
		assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getColorModel().hasAlpha()).isTrue();
	}

	@Test
	void webpIsAcceptedWhenAWebpReaderIsPresentAndWrittenAsPng() throws IOException {
		AvatarImage image = this.images.reencode(TestImages.WEBP);
		assertThat(image.contentType()).isEqualTo("image/png");
		assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getWidth()).isEqualTo(1);
	}

	@Test
	void webpIsUnsupportedWithoutAWebpReader() {
		List<ImageReaderSpi> webpReaders = new ArrayList<>();
		IIORegistry registry = IIORegistry.getDefaultInstance();
		Iterator<ImageReaderSpi> readers = registry.getServiceProviders(ImageReaderSpi.class,
				(provider) -> List.of(((ImageReaderSpi) provider).getFormatNames()).contains("webp"), false);
		readers.forEachRemaining(webpReaders::add);
		webpReaders.forEach((reader) -> registry.deregisterServiceProvider(reader, ImageReaderSpi.class));
		try {
			assertRefused(TestImages.WEBP, Reason.UNSUPPORTED_IMAGE);
		}
		finally {
			webpReaders.forEach((reader) -> registry.registerServiceProvider(reader, ImageReaderSpi.class));
		}
	}

	@Test
	void exifGpsAndCommentsOfAPhoneJpegNeverReachTheResult() throws IOException {
		byte[] upload = TestImages.jpegWithExifAndGps(100, 100);
		assertThat(TestImages.contains(upload, "Exif".getBytes(StandardCharsets.US_ASCII))).isTrue();
		assertThat(ImageIO.read(new ByteArrayInputStream(upload))).as("the upload decodes").isNotNull();
		byte[] stored = this.images.reencode(upload).bytes();
		assertThat(TestImages.contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThat(TestImages.contains(stored, TestImages.SECRET_COMMENT.getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThat(TestImages.contains(stored, new byte[] { (byte) 0xff, (byte) 0xe1 })).isFalse();
		assertThat(hasMetadataNode(stored, "unknown")).isFalse();
		assertThat(hasMetadataNode(stored, "com")).isFalse();
	}

	@Test
	void largeImagesAreScaledDownToTheOutputSize() throws IOException {
		AvatarImage image = this.images.reencode(TestImages.png(1600, 800));
		var decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
		assertThat(decoded.getWidth()).isEqualTo(640);
		assertThat(decoded.getHeight()).isEqualTo(320);
	}

	@Test
	void renamedTextSvgAndGifAreUnsupported() {
		assertRefused("hello, I am a text file renamed to a.png".getBytes(StandardCharsets.UTF_8), Reason.UNSUPPORTED_IMAGE);
		assertRefused(TestImages.svg(), Reason.UNSUPPORTED_IMAGE);
		assertRefused(TestImages.gif(), Reason.UNSUPPORTED_IMAGE);
		assertRefused(new byte[0], Reason.UNSUPPORTED_IMAGE);
	}

	@Test
	void truncatedImagesAreUnsupported() {
		assertRefused(TestImages.truncated(TestImages.png(200, 200)), Reason.UNSUPPORTED_IMAGE);
		assertRefused(TestImages.truncated(TestImages.jpeg(200, 200)), Reason.UNSUPPORTED_IMAGE);
		assertRefused(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }, Reason.UNSUPPORTED_IMAGE);
	}

	@Test
	void aHeaderClaimingFiftyThousandPixelsSquareIsTooLargeBeforeAnyDecoding() {
		assertRefused(TestImages.pngHeaderClaiming(50_000, 50_000), Reason.IMAGE_TOO_LARGE);
		assertRefused(TestImages.pngHeaderClaiming(4097, 10), Reason.IMAGE_TOO_LARGE);
	}

	@Test
	void uploadsOverTheByteLimitAreTooLarge() {
		AvatarImages small = new AvatarImages(1000, 4096, 640);
		assertRefused(small, TestImages.jpeg(400, 400), Reason.IMAGE_TOO_LARGE);
	}

	private void assertRefused(byte[] upload, Reason reason) {
		assertRefused(this.images, upload, reason);
	}

	private static void assertRefused(AvatarImages images, byte[] upload, Reason reason) {
		assertThatExceptionOfType(WxLoginException.class).isThrownBy(() -> images.reencode(upload))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	/** Whether ImageIO's JPEG metadata tree has a marker segment node of that name (EXIF is "unknown"). */
	private static boolean hasMetadataNode(byte[] jpeg, String name) throws IOException {
		ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
			reader.setInput(in);
			Node tree = reader.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
			return find(tree, name);
		}
		finally {
			reader.dispose();
		}
	}

	private static boolean find(Node node, String name) {
		if (node.getNodeName().equals(name)) {
			NamedNodeMap attributes = node.getAttributes();
			return !"unknown".equals(name) || attributes == null || attributes.getNamedItem("MarkerTag") == null
					|| "225".equals(attributes.getNamedItem("MarkerTag").getNodeValue());
		}
		for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (find(child, name)) {
				return true;
			}
		}
		return false;
	}

}
