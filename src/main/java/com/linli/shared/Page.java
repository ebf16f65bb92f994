package com.linli.shared;

import java.util.List;

/**
 * One page of a list screen or API listing: the items, the total, and the page asked for (0-based).
 */
public record Page<T>(List<T> items, long total, int page, int size) {

	public int pages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < pages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	/** Clamps a requested page size to 1..200. */
	public static int size(int requested) {
		return Math.min(Math.max(requested, 1), 200);
	}
}
