package com.linli.catalog;

import java.time.Instant;

/** The picture an operator uploaded for a product: PNG, JPEG or WebP, at most 2 MB. */
public record ProductImage(ProductId productId, String contentType, byte[] bytes, String sha256, Instant uploadedAt) {
}
