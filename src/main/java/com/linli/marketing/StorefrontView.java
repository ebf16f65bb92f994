package com.linli.marketing;

import java.util.List;

import com.linli.catalog.Category;

/**
 * What a region offers right now: the best sellers ({@code hot}), what is new ({@code fresh}) and every
 * open listing grouped by top-level category in the catalog's order.
 */
public record StorefrontView(List<StorefrontItem> hot, List<StorefrontItem> fresh, List<Section> sections) {

	public boolean isEmpty() {
		return sections.isEmpty();
	}

	/** The open listings of one category; {@code category} is null for listings without one. */
	public record Section(Category category, List<StorefrontItem> items) {
	}
}
