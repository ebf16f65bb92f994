package com.linli.catalog.internal.web;

import java.io.IOException;
import java.util.Locale;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.NewCategory;
import com.linli.catalog.internal.CatalogQueries;
import com.linli.catalog.internal.CategoryTree;
import com.linli.shared.ActedBy;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's category tree: see it, add a category, rename or move one. */
@Controller
@RequestMapping("/console/categories")
class CategoryPageController {

	private final CategoryManagement catalog;

	private final CatalogQueries queries;

	CategoryPageController(CategoryManagement catalog, CatalogQueries queries) {
		this.catalog = catalog;
		this.queries = queries;
	}

	@GetMapping
	String tree(@RequestParam(required = false) Long edit, @RequestParam(required = false) Long parent, Model model) {
		CategoryForm form = new CategoryForm();
		if (edit != null) {
			Category c = catalog.getCategory(new CategoryId(edit));
			form.setName(c.name());
			form.setParentId(c.parentId() == null ? null : c.parentId().value());
			form.setSortOrder(c.sortOrder());
		}
		else {
			form.setParentId(parent);
		}
		return page(model, form, edit);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") CategoryForm form, BindingResult result, Model model,
			RedirectAttributes redirect, Locale locale, ActedBy by) {
		if (!result.hasErrors()) {
			try {
				var c = catalog.createCategory(form.toNew(), by);
				redirect.addFlashAttribute("saved", c.name());
				return "redirect:/console/categories";
			}
			catch (BusinessRuleException e) {
				PageMessages.reject(result, e, e.field(), locale);
			}
		}
		return page(model, form, null);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") CategoryForm form, BindingResult result,
			Model model, RedirectAttributes redirect, Locale locale, ActedBy by) {
		catalog.getCategory(new CategoryId(id));
		if (!result.hasErrors()) {
			try {
				var c = catalog.updateCategory(new CategoryId(id), form.toNew(), by);
				redirect.addFlashAttribute("saved", c.name());
				return "redirect:/console/categories";
			}
			catch (BusinessRuleException e) {
				PageMessages.reject(result, e, e.field(), locale);
			}
		}
		return page(model, form, id);
	}

	private String page(Model model, CategoryForm form, Long editing) {
		var tree = new CategoryTree(catalog.categories());
		model.addAttribute("nodes", tree.nodes());
		model.addAttribute("counts", queries.productCounts());
		model.addAttribute("form", form);
		if (editing != null) {
			var id = new CategoryId(editing);
			model.addAttribute("editing", catalog.getCategory(id));
			// a category cannot move below itself: leave those out of the parent choices
			var excluded = tree.withDescendants(id);
			model.addAttribute("parents", tree.nodes().stream().filter(n -> !excluded.contains(n.id())).toList());
		}
		else {
			model.addAttribute("parents", tree.nodes());
		}
		return "catalog/categories";
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	/** The create / edit form of a category. */
	static class CategoryForm {

		@NotBlank
		@Size(max = 30)
		private String name;

		private Long parentId;

		@NotNull(message = "{catalog.validation.required}")
		@Min(0)
		@Max(9999)
		private Integer sortOrder = 0;

		NewCategory toNew() {
			return new NewCategory(name, parentId == null ? null : new CategoryId(parentId), sortOrder);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Long getParentId() {
			return parentId;
		}

		public void setParentId(Long parentId) {
			this.parentId = parentId;
		}

		public Integer getSortOrder() {
			return sortOrder;
		}

		public void setSortOrder(Integer sortOrder) {
			this.sortOrder = sortOrder;
		}
	}
}
