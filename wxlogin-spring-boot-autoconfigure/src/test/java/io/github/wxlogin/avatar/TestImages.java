package io.github.wxlogin.avatar;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Images for avatar tests, built here: plain JPEG and PNG, a JPEG carrying EXIF with a GPS position and
 * a comment, a tiny WebP, and hostile bytes.
 */
public final class TestImages {

	/** A comment that must never reach storage. */
	public static final String SECRET_COMMENT = "shot at 39.9042N 116.4074E by secret-camera";

	/** A 1 × 1 lossless WebP image. */
	public static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	private TestImages() {
	}

	public static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		paint(image);
		return write(image, "png");
	}

	public static byte[] jpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		paint(image);
		return write(image, "jpeg");
	}

	/**
	 * A JPEG as a phone writes it: an EXIF segment (APP1) whose IFD points to GPS data, and a comment
	 * segment, in place of the JFIF segment the JDK writes.
	 */
	public static byte[] jpegWithExifAndGps(int width, int height) {
		byte[] plain = jpeg(width, height);
		// SOI, then APP0 (JFIF) with its length: the rest starts after it
		int rest = 4 + (((plain[4] & 0xff) << 8) | (plain[5] & 0xff));
		byte[] exif = exifWithGps();
		byte[] comment = SECRET_COMMENT.getBytes(StandardCharsets.US_ASCII);
		ByteBuffer out = ByteBuffer.allocate(2 + 4 + exif.length + 4 + comment.length + plain.length - rest);
		out.put(plain, 0, 2);
		out.put((byte) 0xff).put((byte) 0xe1).putShort((short) (exif.length + 2)).put(exif);
		out.put((byte) 0xff).put((byte) 0xfe).putShort((short) (comment.length + 2)).put(comment);
		out.put(plain, rest, plain.length - rest);
		return out.array();
	}

	/** "Exif\0\0", a little-endian TIFF header, IFD0 with a GPSInfo pointer, and a GPS IFD (latitude N 39). */
	private static byte[] exifWithGps() {
		ByteBuffer tiff = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		// IFD0 at 8: one entry, GPSInfo (0x8825), LONG, 1, offset 26
		tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
		// GPS IFD at 26: GPSLatitudeRef 'N' and GPSVersionID
		tiff.putShort((short) 2);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		tiff.putShort((short) 0).putShort((short) 1).putInt(4).put(new byte[] { 2, 2, 0, 0 });
		tiff.putInt(0);
		byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		byte[] body = Arrays.copyOf(tiff.array(), tiff.position());
		ByteBuffer exif = ByteBuffer.allocate(header.length + body.length).put(header).put(body);
		return exif.array();
	}

	/** A PNG whose header claims the given size, followed by nothing a decoder could use. */
	public static byte[] pngHeaderClaiming(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
			.put((byte) 0).put((byte) 0).put((byte) 0);
		ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		chunk(png, "IHDR", ihdr.array());
		chunk(png, "IEND", new byte[0]);
		return png.array();
	}

	private static void chunk(ByteBuffer png, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		png.putInt(data.length).put(name).put(data).putInt((int) crc.getValue());
	}

	public static byte[] gif() {
		return write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "gif");
	}

	public static byte[] svg() {
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] truncated(byte[] image) {
		return Arrays.copyOf(image, image.length / 2);
	}

	private static void paint(BufferedImage image) {
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
		graphics.setColor(Color.BLUE);
		graphics.fillOval(0, 0, image.getWidth(), image.getHeight());
		graphics.dispose();
	}

	private static byte[] write(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Whether a byte sequence occurs in an array. */
	public static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
