package com.linli.network.internal;

import java.util.Set;

import com.linli.network.RegionId;

/** Pieces of SQL shared by the list queries. */
final class Filters {

	private Filters() {
	}

	/** A text as a case-insensitive LIKE pattern with its wildcards escaped; null for no filter. */
	static String like(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Region ids as an array parameter; null means every region. */
	static Long[] regions(Set<RegionId> regions) {
		return regions == null ? null : regions.stream().map(RegionId::value).toArray(Long[]::new);
	}

	static int offset(int page, int size) {
		return Math.multiplyExact(page, size);
	}
}
