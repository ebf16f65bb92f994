package com.linli.catalog;

/** A node of the category tree (类目); {@code parentId} is null for a top-level category. */
public record Category(CategoryId id, CategoryId parentId, String name, int sortOrder) {

	public boolean isTopLevel() {
		return parentId == null;
	}
}
