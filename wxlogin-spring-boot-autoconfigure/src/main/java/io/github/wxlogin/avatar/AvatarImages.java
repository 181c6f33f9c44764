package io.github.wxlogin.avatar;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.github.wxlogin.login.WxLoginException;
import io.github.wxlogin.login.WxLoginException.Reason;

/**
 * Checks an uploaded avatar and writes it anew: JPEG, PNG or WebP by its first bytes, no larger than the
 * byte limit, no wider or taller than the pixel limit (read from the header before anything is decoded,
 * so that a decompression bomb is refused cheaply), decoded completely (a truncated image is refused), then
 * scaled down to the output size and written as PNG (from PNG and WebP, which may be transparent) or JPEG.
 * Nothing of the upload but its pixels reaches the result: no EXIF, GPS position or comment.
 * <p>
 * WebP is read only when an ImageIO WebP reader is on the class path (the JDK has none), such as
 * TwelveMonkeys' {@code imageio-webp}; without one it is refused as unsupported.
 */
public final class AvatarImages {

	private static final float JPEG_QUALITY = 0.9f;

	private final long maxBytes;

	private final int maxDimension;

	private final int outputDimension;

	/**
	 * Create the checks.
	 * @param maxBytes the largest upload accepted, in bytes
	 * @param maxDimension the largest width and height accepted, in pixels
	 * @param outputDimension the largest width and height kept; larger images are scaled down
	 */
	public AvatarImages(long maxBytes, int maxDimension, int outputDimension) {
		if (maxBytes < 1 || maxDimension < 1 || outputDimension < 1) {
			throw new IllegalArgumentException("avatar limits must be positive");
		}
		this.maxBytes = maxBytes;
		this.maxDimension = maxDimension;
		this.outputDimension = outputDimension;
	}

	/**
	 * Return the largest upload accepted.
	 * @return the limit in bytes
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * Refuse an upload over the size limit, before its bytes are read.
	 * @param size the upload's size in bytes
	 * @throws WxLoginException if the upload is too large
	 */
	public void checkSize(long size) {
		if (size > this.maxBytes) {
			throw new WxLoginException(Reason.IMAGE_TOO_LARGE, "The image is larger than " + this.maxBytes + " bytes.");
		}
	}

	/**
	 * Check an upload and write it anew.
	 * @param upload the bytes as uploaded
	 * @return the image to keep
	 * @throws WxLoginException if the upload is too large or not a readable JPEG, PNG or WebP image
	 */
	AvatarImage reencode(byte[] upload) {
		checkSize(upload.length);
		AvatarFormat format = AvatarFormat.sniff(upload)
			.orElseThrow(() -> new WxLoginException(Reason.UNSUPPORTED_IMAGE, "The image is not a JPEG, PNG or WebP image."));
		BufferedImage image = decode(format, upload);
		BufferedImage scaled = fit(image, format != AvatarFormat.JPEG);
		return (format == AvatarFormat.JPEG) ? new AvatarImage(writeJpeg(scaled), "image/jpeg", "jpg")
				: new AvatarImage(write("png", scaled), "image/png", "png");
	}

	private BufferedImage decode(AvatarFormat format, byte[] upload) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
		if (!readers.hasNext()) {
			throw new WxLoginException(Reason.UNSUPPORTED_IMAGE, "This server cannot read " + format.name()
					+ " images; upload a JPEG or PNG image.");
		}
		ImageReader reader = readers.next();
		AtomicBoolean damaged = new AtomicBoolean();
		reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
			reader.setInput(in, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width > this.maxDimension || height > this.maxDimension) {
				throw new WxLoginException(Reason.IMAGE_TOO_LARGE, "The image is larger than " + this.maxDimension
						+ " × " + this.maxDimension + " pixels.");
			}
			BufferedImage image = reader.read(0);
			if (damaged.get() || image.getWidth() != width || image.getHeight() != height) {
				throw unreadable();
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof WxLoginException refused) {
				throw refused;
			}
			// A reader's failure on hostile or damaged bytes (including its RuntimeExceptions) is the image's
			throw unreadable();
		}
		finally {
			reader.dispose();
		}
	}

	private static WxLoginException unreadable() {
		return new WxLoginException(Reason.UNSUPPORTED_IMAGE, "The image is damaged, truncated or of an unsupported kind.");
	}

	/** The image scaled down to the output size, on an RGB canvas (white behind transparency) or ARGB. */
	private BufferedImage fit(BufferedImage image, boolean keepAlpha) {
		double scale = Math.min(1.0,
				(double) this.outputDimension / Math.max(image.getWidth(), image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage canvas = new BufferedImage(width, height,
				keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = canvas.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			if (!keepAlpha) {
				graphics.setColor(Color.WHITE);
				graphics.fillRect(0, 0, width, height);
			}
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return canvas;
	}

	private static byte[] writeJpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(JPEG_QUALITY);
		return write(writer, image, param);
	}

	private static byte[] write(String format, BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
		return write(writer, image, writer.getDefaultWriteParam());
	}

	private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			// No metadata is passed: the writer adds only what the format requires
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Writing an image to memory failed", ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
