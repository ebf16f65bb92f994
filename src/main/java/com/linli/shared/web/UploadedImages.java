package com.linli.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.linli.shared.storage.FileStorage;
import com.linli.shared.storage.ImageUpload;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos through the web: the files of a multipart form or request as {@link ImageUpload}s for a service to check,
 * and a stored photo served back with its content type, never sniffed.
 */
public final class UploadedImages {

	private UploadedImages() {
	}

	/** The uploaded files; a form's file input left empty (no file chosen) is no photo. */
	public static List<ImageUpload> of(List<MultipartFile> files) {
		List<ImageUpload> photos = new ArrayList<>();
		if (files == null) {
			return photos;
		}
		for (MultipartFile f : files) {
			if (f == null || (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty()))) {
				continue;
			}
			try {
				photos.add(new ImageUpload(f.getContentType(), f.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return photos;
	}

	/** A stored photo as the answer, cached as {@code cache} says. */
	public static ResponseEntity<byte[]> served(FileStorage.StoredFile file, CacheControl cache) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(cache)
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}
}
