package com.linli.leader;

import java.util.Set;

import com.linli.network.RegionId;

/**
 * Filters of the leader list: regions ({@code null} = every region, empty = none), a status
 * ({@code null} = any), a text found in name or phone; {@code page} is 0-based.
 */
public record LeaderSearch(Set<RegionId> regions, LeaderStatus status, String text, int page, int size) {

	public LeaderSearch {
		regions = regions == null ? null : Set.copyOf(regions);
		text = text == null || text.isBlank() ? null : text.trim();
		page = Math.max(page, 0);
		size = com.linli.shared.Page.size(size);
	}
}
