package com.linli.network;

import java.util.Set;

/**
 * Filters of a console list: the regions to look in ({@code null} = every region, an empty set =
 * none), a text to find in names, codes, districts or addresses, and active or not ({@code null} =
 * both); {@code page} is 0-based.
 */
public record NetworkSearch(Set<RegionId> regions, String text, Boolean active, int page, int size) {

	public NetworkSearch {
		regions = regions == null ? null : Set.copyOf(regions);
		text = text == null || text.isBlank() ? null : text.trim();
		page = Math.max(page, 0);
		size = com.linli.shared.Page.size(size);
	}
}
