package com.linli.catalog;

/** A product, one of its SKUs or its image changed (created, edited, activated or deactivated). */
public record ProductChanged(ProductId productId) {
}
