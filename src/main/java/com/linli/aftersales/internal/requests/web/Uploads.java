package com.linli.aftersales.internal.requests.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import com.linli.shared.storage.FileStorage;
import com.linli.shared.storage.ImageUpload;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** What the request controllers share: uploaded photos, enum fields read with a field-naming 400, a photo served. */
final class Uploads {

	private Uploads() {
	}

	static List<ImageUpload> photos(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> !f.isEmpty() || f.getOriginalFilename() != null && !f.getOriginalFilename().isEmpty())
			.map(f -> {
				try {
					return new ImageUpload(f.getContentType(), f.getBytes());
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			})
			.toList();
	}

	static RequestKind kind(String value) {
		return value == null || value.isBlank() ? null : parse(RequestKind.class, value, "kind");
	}

	static RequestReason reason(String value) {
		return value == null || value.isBlank() ? null : parse(RequestReason.class, value, "reason");
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.unknownValue", value));
		}
	}

	static int quantity(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("quantity", Text.of("aftersales.problem.required"));
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("quantity", Text.of("aftersales.problem.quantityRange"));
		}
	}

	static long id(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.required"));
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.unknownValue", value));
		}
	}

	static ResponseEntity<byte[]> served(FileStorage.StoredFile file) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff").body(file.content());
	}
}
