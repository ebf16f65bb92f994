package com.linli.catalog;

import java.util.List;

import com.linli.catalog.internal.CatalogRules;
import com.linli.catalog.internal.Categories;
import com.linli.catalog.internal.CategoryTree;
import com.linli.shared.ActedBy;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the category tree: adding, renaming and moving categories (never below themselves),
 * and reading the tree. Every change is audited through {@link AdminChange}.
 */
@Service
@Transactional(readOnly = true)
public class CategoryManagement {

	private final Categories categories;

	private final ApplicationEventPublisher events;

	CategoryManagement(Categories categories, ApplicationEventPublisher events) {
		this.categories = categories;
		this.events = events;
	}

	@Transactional
	public Category createCategory(NewCategory c, ActedBy by) {
		var category = CatalogRules.category(c);
		categories.lockTree();
		checkParent(category.parentId());
		checkSiblingName(category, null);
		var id = categories.insert(category);
		events.publishEvent(new AdminChange(by, "category.create", "category:" + id, category.name()));
		return getCategory(id);
	}

	/** Renames, moves and re-sorts a category in one step; moving it below itself or a descendant is refused. */
	@Transactional
	public Category updateCategory(CategoryId id, NewCategory c, ActedBy by) {
		var before = getCategory(id);
		var category = CatalogRules.category(c);
		categories.lockTree();
		checkParent(category.parentId());
		if (new CategoryTree(categories.all()).wouldCreateCycle(id, category.parentId())) {
			throw new BusinessRuleException("category-cycle", "parentId",
					Text.of("catalog.problem.categoryCannotMoveBelowItselfOne"));
		}
		checkSiblingName(category, id);
		categories.update(id, category);
		events.publishEvent(new AdminChange(by, "category.update", "category:" + id,
				before.name() + " -> " + category.name() + " parent=" + category.parentId()));
		return getCategory(id);
	}

	@Transactional
	public Category renameCategory(CategoryId id, String name, ActedBy by) {
		var c = getCategory(id);
		return updateCategory(id, new NewCategory(name, c.parentId(), c.sortOrder()), by);
	}

	@Transactional
	public Category moveCategory(CategoryId id, CategoryId newParent, int sortOrder, ActedBy by) {
		return updateCategory(id, new NewCategory(getCategory(id).name(), newParent, sortOrder), by);
	}

	public Category getCategory(CategoryId id) {
		return categories.find(id).orElseThrow(() -> new NotFoundException("category", id));
	}

	/** The whole tree: parents before their children, siblings by sort order (then name). */
	public List<Category> categories() {
		return new CategoryTree(categories.all()).inOrder();
	}

	private void checkParent(CategoryId parent) {
		if (parent != null && categories.find(parent).isEmpty()) {
			throw new InvalidInputException("parentId", Text.of("catalog.problem.parentMissing", parent));
		}
	}

	private void checkSiblingName(NewCategory c, CategoryId except) {
		if (categories.siblingNamed(c.parentId(), c.name(), except)) {
			throw new BusinessRuleException("category-name-taken", "name",
					Text.of("catalog.problem.siblingNameTaken", c.name()));
		}
	}
}
