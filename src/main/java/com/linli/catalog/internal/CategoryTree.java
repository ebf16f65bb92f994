package com.linli.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;

/**
 * The category tree in memory (a regional catalogue has dozens to hundreds of categories): depth-first
 * order for screens, paths such as "水果 / 苹果", descendants, and the cycle check for moves.
 */
public final class CategoryTree {

	private static final Comparator<Category> SIBLING_ORDER = Comparator.comparingInt(Category::sortOrder)
		.thenComparing(Category::name).thenComparingLong(c -> c.id().value());

	private final Map<CategoryId, Category> byId = new LinkedHashMap<>();

	private final Map<CategoryId, List<Category>> children = new HashMap<>();

	private final List<Node> nodes = new ArrayList<>();

	public CategoryTree(List<Category> categories) {
		categories.forEach(c -> byId.put(c.id(), c));
		for (Category c : categories) {
			// an orphan (parent unknown) is shown at the top rather than lost
			CategoryId parent = c.parentId() != null && byId.containsKey(c.parentId()) ? c.parentId() : null;
			children.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
		}
		children.values().forEach(list -> list.sort(SIBLING_ORDER));
		walk(null, 0, "", new HashSet<>());
	}

	private void walk(CategoryId parent, int depth, String pathPrefix, Set<CategoryId> seen) {
		for (Category c : children.getOrDefault(parent, List.of())) {
			if (!seen.add(c.id())) {
				continue;
			}
			String path = pathPrefix.isEmpty() ? c.name() : pathPrefix + " / " + c.name();
			var kids = children.getOrDefault(c.id(), List.of());
			nodes.add(new Node(c, depth, path, kids.size()));
			walk(c.id(), depth + 1, path, seen);
		}
	}

	/** Every category, parents before their children, siblings by sort order then name. */
	public List<Node> nodes() {
		return nodes;
	}

	public List<Category> inOrder() {
		return nodes.stream().map(Node::category).toList();
	}

	public boolean contains(CategoryId id) {
		return byId.containsKey(id);
	}

	/** The category and all categories below it. */
	public Set<CategoryId> withDescendants(CategoryId id) {
		Set<CategoryId> result = new HashSet<>();
		List<CategoryId> todo = new ArrayList<>(List.of(id));
		while (!todo.isEmpty()) {
			CategoryId next = todo.remove(todo.size() - 1);
			if (result.add(next)) {
				children.getOrDefault(next, List.of()).forEach(c -> todo.add(c.id()));
			}
		}
		return result;
	}

	/** True if putting {@code id} under {@code newParent} would make it its own ancestor. */
	public boolean wouldCreateCycle(CategoryId id, CategoryId newParent) {
		return newParent != null && withDescendants(id).contains(newParent);
	}

	/** "水果 / 苹果", or the id if the category is unknown. */
	public String pathOf(CategoryId id) {
		return nodes.stream().filter(n -> n.category().id().equals(id)).map(Node::path).findFirst()
			.orElse(String.valueOf(id));
	}

	/** A category with its depth in the tree (0 = top level), its full path and how many children it has. */
	public record Node(Category category, int depth, String path, int childCount) {

		public CategoryId id() {
			return category.id();
		}

		public String name() {
			return category.name();
		}

		/** The name indented for a {@code <select>}: two full-width spaces per level. */
		public String indentedName() {
			return "\u3000".repeat(depth) + (depth > 0 ? "└ " : "") + category.name();
		}
	}
}
