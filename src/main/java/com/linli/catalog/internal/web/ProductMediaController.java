package com.linli.catalog.internal.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import com.linli.catalog.ProductId;
import com.linli.catalog.ProductImageManagement;
import com.linli.shared.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Product pictures for every screen and the mini-program, public like a CDN: the uploaded image, or
 * else a generated SVG tile. Clients may keep a picture ten minutes and then revalidate it cheaply
 * with its ETag, so a replaced image shows everywhere soon without a changing URL.
 */
@Controller
class ProductMediaController {

	static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();

	private final ProductImageManagement images;

	ProductMediaController(ProductImageManagement images) {
		this.images = images;
	}

	@GetMapping("/media/products/{productId}")
	ResponseEntity<byte[]> image(@PathVariable long productId, WebRequest request) {
		var id = new ProductId(productId);
		var image = images.image(id);
		if (image.isPresent()) {
			String etag = "\"" + image.get().sha256() + "\"";
			if (request.checkNotModified(etag)) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
			}
			return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.get().contentType()))
				.cacheControl(CACHE).eTag(etag).lastModified(image.get().uploadedAt())
				.header("X-Content-Type-Options", "nosniff").body(image.get().bytes());
		}
		byte[] svg = images.tile(id).getBytes(StandardCharsets.UTF_8);
		String etag = "\"tile-" + sha256(svg).substring(0, 32) + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
		}
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml;charset=UTF-8")).cacheControl(CACHE)
			.eTag(etag).header("X-Content-Type-Options", "nosniff")
			// opened on its own, the tile may not run scripts or load anything
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.body(svg);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Void> notFound() {
		return ResponseEntity.notFound().build();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
