package com.linli.catalog;

/** A category to create, or the new name, place and sort order of an existing one. */
public record NewCategory(String name, CategoryId parentId, int sortOrder) {
}
