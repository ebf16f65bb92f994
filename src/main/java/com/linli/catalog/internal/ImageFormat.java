package com.linli.catalog.internal;

import java.util.Optional;

/**
 * Recognises an uploaded picture by its first bytes, never by the name or the declared type:
 * PNG, JPEG and WebP are accepted; anything else (SVG with scripts, HTML, GIF...) is not.
 */
public final class ImageFormat {

	/** Largest image an operator may upload: 2 MB. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private ImageFormat() {
	}

	/** The MIME type of the image, or empty when the bytes are none of PNG, JPEG, WebP. */
	public static Optional<String> detect(byte[] bytes) {
		if (bytes == null) {
			return Optional.empty();
		}
		if (startsWith(bytes, PNG)) {
			return Optional.of("image/png");
		}
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return Optional.of("image/jpeg");
		}
		if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
				&& bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
