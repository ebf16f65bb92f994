package com.linli.catalog;

/**
 * A SKU found by a search and how well it matched: 0 the product name is the query, 1 the name ends
 * with it, 2 starts with it, 3 contains it, 4 only the spec or tags match. Lower is better.
 */
public record SkuMatch(SkuId skuId, int relevance) {
}
