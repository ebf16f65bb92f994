package com.linli.catalog.internal.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.NewCategory;
import com.linli.catalog.NewProduct;
import com.linli.catalog.NewSku;
import com.linli.catalog.ProductEdit;
import com.linli.catalog.ProductId;
import com.linli.catalog.ProductImageManagement;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.ProductSearch;
import com.linli.catalog.SkuEdit;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.catalog.StorageTemperature;
import com.linli.catalog.internal.web.CatalogViews.CategoryView;
import com.linli.catalog.internal.web.CatalogViews.ProductRow;
import com.linli.catalog.internal.web.CatalogViews.ProductView;
import com.linli.catalog.internal.web.CatalogViews.SkuView;
import com.linli.shared.ActedBy;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The catalogue over REST: any signed-in caller reads it, operators and platform admins change it.
 * The catalogue is the same in every region, so there is no region scope here.
 */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "catalog", description = "Categories, products with their SKUs, images and SKU search")
class CatalogRestController {

	static final String STAFF = "hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')";

	private final ProductManagement catalog;

	private final CategoryManagement categoryManagement;

	private final SkuManagement skuManagement;

	private final ProductImageManagement images;

	CatalogRestController(ProductManagement catalog, CategoryManagement categoryManagement,
			SkuManagement skuManagement, ProductImageManagement images) {
		this.catalog = catalog;
		this.categoryManagement = categoryManagement;
		this.skuManagement = skuManagement;
		this.images = images;
	}

	@GetMapping("/categories")
	@Operation(summary = "The whole category tree: parents before children, siblings by sort order")
	List<CategoryView> categories() {
		return categoryManagement.categories().stream().map(CategoryView::of).toList();
	}

	@PostMapping("/categories")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(STAFF)
	@Operation(summary = "Create a category (top level without parentId)")
	CategoryView createCategory(@Valid @RequestBody CategoryRequest request, ActedBy by) {
		return CategoryView.of(categoryManagement.createCategory(request.toNew(), by));
	}

	@PutMapping("/categories/{id}")
	@PreAuthorize(STAFF)
	@Operation(summary = "Rename, move or re-sort a category; moving it below itself is refused (409)")
	CategoryView updateCategory(@PathVariable long id, @Valid @RequestBody CategoryRequest request, ActedBy by) {
		return CategoryView.of(categoryManagement.updateCategory(new CategoryId(id), request.toNew(), by));
	}

	@GetMapping("/products")
	@Operation(summary = "Page through products, newest first; categoryId includes subcategories")
	Page<ProductRow> products(@RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var result = catalog.searchProducts(
				new ProductSearch(categoryId == null ? null : new CategoryId(categoryId), q, active), page, size);
		return new Page<>(result.items().stream().map(ProductRow::of).toList(), result.total(), result.page(),
				result.size());
	}

	@GetMapping("/products/{id}")
	@Operation(summary = "A product with all its SKUs")
	ProductView product(@PathVariable long id) {
		return view(new ProductId(id));
	}

	@PostMapping("/products")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(STAFF)
	@Operation(summary = "Create a product with its SKUs")
	ProductView createProduct(@Valid @RequestBody ProductRequest request, ActedBy by) {
		var product = catalog.createProduct(new NewProduct(new CategoryId(request.categoryId()), request.name(),
				request.description(), request.origin(), request.seasonalTags(), supplier(request.supplierId()),
				request.skus().stream().map(SkuRequest::toNew).toList()), by);
		return view(product.id());
	}

	@PutMapping("/products/{id}")
	@PreAuthorize(STAFF)
	@Operation(summary = "Save a product and its SKUs: SKUs with an id are changed, SKUs without one are added")
	ProductView updateProduct(@PathVariable long id, @Valid @RequestBody ProductRequest request, ActedBy by) {
		var product = catalog.updateProduct(new ProductId(id), new ProductEdit(new CategoryId(request.categoryId()),
				request.name(), request.description(), request.origin(), request.seasonalTags(),
				supplier(request.supplierId()), request.active() == null || request.active(),
				request.skus().stream().map(SkuRequest::toEdit).toList()), by);
		return view(product.id());
	}

	@PostMapping("/products/{id}/skus")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(STAFF)
	@Operation(summary = "Add a SKU to a product")
	SkuView addSku(@PathVariable long id, @Valid @RequestBody SkuRequest request, ActedBy by) {
		return SkuView.of(skuManagement.addSku(new ProductId(id), request.toNew(), by));
	}

	@PostMapping(path = "/products/{id}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(STAFF)
	@Operation(summary = "Upload the product's image (part 'image'): PNG, JPEG or WebP, at most 2 MB")
	ProductView uploadImage(@PathVariable long id, @RequestPart("image") MultipartFile image, ActedBy by)
			throws IOException {
		images.upload(new ProductId(id), image.getBytes(), by);
		return view(new ProductId(id));
	}

	@DeleteMapping("/products/{id}/image")
	@PreAuthorize(STAFF)
	@Operation(summary = "Remove the uploaded image; the generated tile shows again")
	ProductView removeImage(@PathVariable long id, ActedBy by) {
		images.remove(new ProductId(id), by);
		return view(new ProductId(id));
	}

	@GetMapping("/skus")
	@Operation(summary = "Search sellable SKUs by product name, spec or seasonal tag; Chinese substrings match")
	List<SkuView> searchSkus(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 100) {
			throw new InvalidInputException("limit", Text.of("catalog.problem.limitRange"));
		}
		return skuManagement.findSkus(q, limit).stream().map(SkuView::of).toList();
	}

	@GetMapping("/skus/{id}")
	@Operation(summary = "One SKU")
	SkuView sku(@PathVariable long id) {
		return SkuView.of(skuManagement.getSku(new SkuId(id)));
	}

	@PutMapping("/skus/{id}")
	@PreAuthorize(STAFF)
	@Operation(summary = "Change one SKU, including whether it is active")
	SkuView updateSku(@PathVariable long id, @Valid @RequestBody SkuRequest request, ActedBy by) {
		var edit = request.toEdit();
		return SkuView.of(skuManagement.updateSku(new SkuEdit(new SkuId(id), edit.spec(), edit.unit(), edit.barcode(),
				edit.storage(), edit.shelfLifeDays(), edit.weightGrams(), edit.active()), by));
	}

	/** A multipart request without its "image" part, or not multipart at all. */
	@ExceptionHandler({ MissingServletRequestPartException.class, MultipartException.class })
	ProblemDetail missingImage(Exception e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				Text.of("catalog.problem.sendImagePart").inReadersLanguage());
		problem.setType(URI.create("https://linli.dev/problems/invalid-input"));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", List.of(Map.of("field", "image", "message", "is required")));
		return problem;
	}

	private ProductView view(ProductId id) {
		return ProductView.of(catalog.getProduct(id), images.image(id).isPresent(), catalog.editableSkus(id));
	}

	private static SupplierId supplier(Long id) {
		return id == null ? null : new SupplierId(id);
	}

	record CategoryRequest(@NotBlank @Size(max = 30) String name, Long parentId,
			@Min(0) @Max(9999) int sortOrder) {

		NewCategory toNew() {
			return new NewCategory(name, parentId == null ? null : new CategoryId(parentId), sortOrder);
		}
	}

	record ProductRequest(@NotNull Long categoryId, @NotBlank @Size(max = 60) String name,
			@Size(max = 2000) String description, @Size(max = 60) String origin,
			@Size(max = 10) Set<@NotBlank @Size(max = 12) String> seasonalTags, Long supplierId, Boolean active,
			@NotEmpty @Size(max = 20) List<@NotNull @Valid SkuRequest> skus) {
	}

	/** A SKU as sent by clients; {@code id} only when saving a product's existing SKU. */
	record SkuRequest(Long id, @NotBlank @Size(max = 40) String spec, @NotBlank @Size(max = 8) String unit,
			@Pattern(regexp = "^([0-9]{8,14})?$", message = "must be 8 to 14 digits") String barcode,
			@NotNull StorageTemperature storage, @NotNull @Min(1) @Max(3650) Integer shelfLifeDays,
			@NotNull @Min(1) @Max(100000) Integer weightGrams, Boolean active) {

		NewSku toNew() {
			return new NewSku(spec, unit, barcode, storage, shelfLifeDays, weightGrams);
		}

		SkuEdit toEdit() {
			return new SkuEdit(id == null ? null : new SkuId(id), spec, unit, barcode, storage, shelfLifeDays,
					weightGrams, active == null || active);
		}
	}
}
