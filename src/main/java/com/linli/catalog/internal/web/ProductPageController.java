package com.linli.catalog.internal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.Objects;
import java.util.stream.Collectors;

import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.ProductId;
import com.linli.catalog.ProductImageManagement;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.ProductSearch;
import com.linli.catalog.ProductSummary;
import com.linli.catalog.StorageTemperature;
import com.linli.catalog.internal.CategoryTree;
import com.linli.catalog.internal.ImageFormat;
import com.linli.shared.ActedBy;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.SupplierDirectory;
import com.linli.shared.SupplierId;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's products: a filtered, paged list (htmx swaps the results as the operator types), and
 * one form for a product with all its SKUs and its picture.
 */
@Controller
@RequestMapping("/console/products")
class ProductPageController {

	static final int PAGE_SIZE = 20;

	private final ProductManagement catalog;

	private final CategoryManagement categoryManagement;

	private final ProductImageManagement images;

	private final ObjectProvider<SupplierDirectory> suppliers;

	private final MessageSource messages;

	ProductPageController(ProductManagement catalog, CategoryManagement categoryManagement,
			ProductImageManagement images,
			ObjectProvider<SupplierDirectory> suppliers, MessageSource messages) {
		this.catalog = catalog;
		this.categoryManagement = categoryManagement;
		this.images = images;
		this.suppliers = suppliers;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long categoryId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Boolean active, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		var tree = new CategoryTree(categoryManagement.categories());
		var search = new ProductSearch(categoryId == null || !tree.contains(new CategoryId(categoryId)) ? null
				: new CategoryId(categoryId), q, active);
		var result = catalog.searchProducts(search, page, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("categories", tree.nodes());
		model.addAttribute("paths", tree.nodes().stream()
			.collect(Collectors.toMap(n -> n.id(), CategoryTree.Node::path)));
		model.addAttribute("supplierNames", supplierNames(result.items()));
		model.addAttribute("categoryId", categoryId);
		model.addAttribute("q", q);
		model.addAttribute("active", active);
		model.addAttribute("previousUrl", pageUrl(categoryId, q, active, result.page() - 1));
		model.addAttribute("nextUrl", pageUrl(categoryId, q, active, result.page() + 1));
		return htmx != null ? "catalog/products :: results" : "catalog/products";
	}

	@GetMapping("/new")
	String newProduct(@RequestParam(required = false) Long categoryId, Model model) {
		var form = ProductForm.blank();
		form.setCategoryId(categoryId);
		return form(model, form, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ProductForm form, BindingResult result,
			@RequestParam(name = "image", required = false) MultipartFile image, Model model,
			RedirectAttributes redirect, Locale locale, ActedBy by) throws IOException {
		byte[] picture = checkImage(image, model, locale);
		if (!result.hasErrors() && !model.containsAttribute("imageError")) {
			try {
				var product = catalog.createProduct(form.toNew(), by);
				if (picture != null) {
					images.upload(product.id(), picture, by);
				}
				redirect.addFlashAttribute("saved", product.name());
				return "redirect:/console/products/" + product.id().value();
			}
			catch (BusinessRuleException e) {
				PageMessages.reject(result, e, field(e), locale);
			}
		}
		return form(model, form, null);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		var productId = new ProductId(id);
		var form = ProductForm.of(catalog.getProduct(productId), catalog.editableSkus(productId));
		return form(model, form, productId);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ProductForm form, BindingResult result,
			@RequestParam(name = "image", required = false) MultipartFile image, Model model,
			RedirectAttributes redirect, Locale locale, ActedBy by) throws IOException {
		var productId = new ProductId(id);
		catalog.getProduct(productId);
		byte[] picture = checkImage(image, model, locale);
		if (!result.hasErrors() && !model.containsAttribute("imageError")) {
			try {
				var product = catalog.updateProduct(productId, form.toEdit(), by);
				if (picture != null) {
					images.upload(productId, picture, by);
				}
				redirect.addFlashAttribute("saved", product.name());
				return "redirect:/console/products/" + id;
			}
			catch (BusinessRuleException e) {
				PageMessages.reject(result, e, field(e), locale);
			}
		}
		return form(model, form, productId);
	}

	@PostMapping("/{id}/image/remove")
	String removeImage(@PathVariable long id, RedirectAttributes redirect, ActedBy by) {
		var product = catalog.getProduct(new ProductId(id));
		images.remove(product.id(), by);
		redirect.addFlashAttribute("saved", product.name());
		return "redirect:/console/products/" + id;
	}

	/** The picture's bytes if one was chosen and it is acceptable; otherwise null, with the reason in the model. */
	private byte[] checkImage(MultipartFile image, Model model, Locale locale) throws IOException {
		if (image == null || image.isEmpty()) {
			return null;
		}
		String problem = null;
		if (image.getSize() > ImageFormat.MAX_BYTES) {
			problem = "catalog.image.tooLarge";
		}
		else if (ImageFormat.detect(image.getBytes()).isEmpty()) {
			problem = "catalog.image.wrongType";
		}
		if (problem != null) {
			model.addAttribute("imageError", messages.getMessage(problem, null, locale));
			return null;
		}
		return image.getBytes();
	}

	/** The form calls tags "tags"; the rules call them "seasonalTags". */
	private static String field(BusinessRuleException e) {
		return "seasonalTags".equals(e.field()) ? "tags" : e.field();
	}

	private String form(Model model, ProductForm form, ProductId id) {
		model.addAttribute("form", form);
		model.addAttribute("productId", id == null ? null : id.value());
		if (id != null) {
			model.addAttribute("product", catalog.getProduct(id));
			model.addAttribute("hasImage", images.image(id).isPresent());
		}
		model.addAttribute("categories", new CategoryTree(categoryManagement.categories()).nodes());
		model.addAttribute("suppliers", supplierChoices(form.getSupplierId()));
		model.addAttribute("storages", StorageTemperature.values());
		model.addAttribute("units", List.of("盒", "斤", "公斤", "个", "只", "瓶", "袋", "箱", "包", "份", "把", "根", "提", "桶", "罐"));
		return "catalog/product-form";
	}

	/** Active suppliers for the picker, plus the product's current one should it have become inactive. */
	private List<SupplierDirectory.Entry> supplierChoices(Long current) {
		var directory = suppliers.getIfAvailable();
		if (directory == null) {
			return List.of();
		}
		var choices = new ArrayList<>(directory.all());
		if (current != null && choices.stream().noneMatch(e -> e.id().value() == current)) {
			directory.find(new SupplierId(current)).ifPresent(choices::add);
		}
		return choices;
	}

	/** Names of the suppliers of these rows (inactive suppliers included). */
	private Map<SupplierId, String> supplierNames(List<ProductSummary> rows) {
		var directory = suppliers.getIfAvailable();
		Map<SupplierId, String> names = new HashMap<>();
		if (directory != null) {
			rows.stream().map(ProductSummary::supplierId).filter(Objects::nonNull).distinct()
				.forEach(id -> directory.find(id).ifPresent(e -> names.put(id, e.name())));
		}
		return names;
	}

	private static String pageUrl(Long categoryId, String q, Boolean active, int page) {
		var builder = UriComponentsBuilder.fromPath("/console/products");
		if (categoryId != null) {
			builder.queryParam("categoryId", categoryId);
		}
		if (q != null && !q.isBlank()) {
			builder.queryParam("q", q.trim());
		}
		if (active != null) {
			builder.queryParam("active", active);
		}
		return builder.queryParam("page", page).encode().build().toUriString();
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}
}
