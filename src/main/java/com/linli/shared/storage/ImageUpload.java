package com.linli.shared.storage;

import java.util.Locale;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * An image as uploaded by a browser or an API client: the content type it claimed, and the bytes. {@link #check}
 * accepts a JPEG, PNG or WebP whose first bytes agree with the type, of at most a size.
 */
public record ImageUpload(String contentType, byte[] content) {

	/** A phone's photo, not a film. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The content type in lower case. */
	public String type() {
		return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
	}

	/** Refuses (400 naming {@code field}) an empty, too large or non-image upload. */
	public ImageUpload check(String field, int maxBytes) {
		byte[] b = content == null ? new byte[0] : content;
		if (b.length == 0) {
			throw new InvalidInputException(field, Text.of("common.problem.imageEmpty"));
		}
		if (b.length > maxBytes) {
			throw new InvalidInputException(field, Text.of("common.problem.imageTooLarge", maxBytes / 1024 / 1024));
		}
		boolean image = switch (type()) {
			case "image/jpeg" -> startsWith(b, 0, 0xFF, 0xD8, 0xFF);
			case "image/png" -> startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
			case "image/webp" -> startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P');
			default -> false;
		};
		if (!image) {
			throw new InvalidInputException(field, Text.of("common.problem.imageNotImage"));
		}
		return this;
	}

	private static boolean startsWith(byte[] bytes, int at, int... expected) {
		if (bytes.length < at + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[at + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}
}
