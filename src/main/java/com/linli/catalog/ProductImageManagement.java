package com.linli.catalog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import com.linli.catalog.internal.ImageFormat;
import com.linli.catalog.internal.ProductImages;
import com.linli.catalog.internal.ProductTile;
import com.linli.catalog.internal.Products;
import com.linli.catalog.internal.Skus;
import com.linli.shared.ActedBy;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Product pictures: the image an operator uploads (PNG, JPEG or WebP up to 2 MB, recognised by its
 * first bytes) or, without one, a generated tile. Both are served at {@link Product#imageUrl()}.
 */
@Service
@Transactional(readOnly = true)
public class ProductImageManagement {

	private final Products products;

	private final Skus skus;

	private final ProductImages images;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProductImageManagement(Products products, Skus skus, ProductImages images, ApplicationEventPublisher events,
			Clock clock) {
		this.products = products;
		this.skus = skus;
		this.images = images;
		this.events = events;
		this.clock = clock;
	}

	/** Stores the product's picture, replacing any earlier one; returns the detected content type. */
	@Transactional
	public String upload(ProductId id, byte[] bytes, ActedBy by) {
		product(id);
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException("image", Text.of("catalog.problem.imageFileEmpty"));
		}
		if (bytes.length > ImageFormat.MAX_BYTES) {
			throw new InvalidInputException("image", Text.of("catalog.problem.imageMustNotLargerThan2"));
		}
		String contentType = ImageFormat.detect(bytes).orElseThrow(() -> new InvalidInputException("image",
				Text.of("catalog.problem.onlyPngJpegWebpImagesAre")));
		images.save(id, contentType, bytes, sha256(bytes), clock.instant());
		events.publishEvent(new AdminChange(by, "product.image", "product:" + id, contentType + " " + bytes.length + " bytes"));
		events.publishEvent(new ProductChanged(id));
		return contentType;
	}

	/** Removes the uploaded picture; the generated tile shows again. */
	@Transactional
	public void remove(ProductId id, ActedBy by) {
		product(id);
		if (images.remove(id)) {
			events.publishEvent(new AdminChange(by, "product.image.remove", "product:" + id, null));
			events.publishEvent(new ProductChanged(id));
		}
	}

	/** The uploaded picture, if there is one. */
	public Optional<ProductImage> image(ProductId id) {
		return images.find(id);
	}

	/** The generated SVG tile: the category's colour, the name's first two characters, the first spec. */
	public String tile(ProductId id) {
		var product = product(id);
		var productSkus = skus.ofProduct(id);
		String spec = productSkus.stream().filter(Sku::active).findFirst()
			.or(() -> productSkus.stream().findFirst()).map(Sku::spec).orElse(null);
		return ProductTile.svg(product.name(), spec, product.categoryId().value());
	}

	private Product product(ProductId id) {
		return products.find(id).orElseThrow(() -> new NotFoundException("product", id));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
