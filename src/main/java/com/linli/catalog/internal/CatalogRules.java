package com.linli.catalog.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.linli.catalog.NewCategory;
import com.linli.catalog.NewSku;
import com.linli.catalog.StorageTemperature;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * The input rules of the catalogue, checked for every caller (console, REST API, simulator). Each
 * failure names the field it is about, including nested ones such as {@code skus[1].shelfLifeDays}.
 * The normalising methods return trimmed values with blanks turned into null.
 */
public final class CatalogRules {

	public static final int MAX_SKUS = 20;

	public static final int MAX_TAGS = 10;

	private static final Pattern TAG_SEPARATORS = Pattern.compile("[,，、;；\\s]+");

	private CatalogRules() {
	}

	public static NewCategory category(NewCategory c) {
		String name = required("name", c.name(), 30);
		if (c.sortOrder() < 0 || c.sortOrder() > 9999) {
			throw new InvalidInputException("sortOrder", Text.of("catalog.problem.sortOrderMust09999"));
		}
		return new NewCategory(name, c.parentId(), c.sortOrder());
	}

	public static String productName(String name) {
		return required("name", name, 60);
	}

	public static String description(String description) {
		return optional("description", description, 2000);
	}

	public static String origin(String origin) {
		return optional("origin", origin, 60);
	}

	/** Trimmed, de-duplicated tags in their given order: at most 10, each 1 to 12 characters. */
	public static Set<String> tags(Set<String> tags) {
		Set<String> result = new LinkedHashSet<>();
		if (tags != null) {
			for (String tag : tags) {
				if (tag == null || tag.isBlank()) {
					continue;
				}
				String t = tag.trim();
				if (t.codePointCount(0, t.length()) > 12) {
					throw new InvalidInputException("seasonalTags", Text.of("catalog.problem.tagTooLong", t));
				}
				result.add(t);
			}
		}
		if (result.size() > MAX_TAGS) {
			throw new InvalidInputException("seasonalTags", Text.of("catalog.problem.atMost10Tags"));
		}
		return result;
	}

	/** Splits "应季, 春季 冬储" as typed in a form into tags (commas, 、 or spaces separate them). */
	public static Set<String> parseTags(String text) {
		Set<String> result = new LinkedHashSet<>();
		if (text != null) {
			for (String part : TAG_SEPARATORS.split(text.trim())) {
				if (!part.isBlank()) {
					result.add(part);
				}
			}
		}
		return result;
	}

	/** Checks the SKUs of a product: at least one, at most 20, specs distinct (ignoring case). */
	public static List<NewSku> skus(List<NewSku> skus) {
		if (skus == null || skus.isEmpty()) {
			throw new InvalidInputException("skus", Text.of("catalog.problem.productNeedsAtLeastOneSku"));
		}
		if (skus.size() > MAX_SKUS) {
			throw new InvalidInputException("skus", Text.of("catalog.problem.atMost20SkusPerProduct"));
		}
		Set<String> specs = new HashSet<>();
		Set<String> barcodes = new HashSet<>();
		var result = new java.util.ArrayList<NewSku>(skus.size());
		for (int i = 0; i < skus.size(); i++) {
			String prefix = "skus[" + i + "].";
			NewSku sku = sku(prefix, skus.get(i));
			if (!specs.add(sku.spec().toLowerCase())) {
				throw new InvalidInputException(prefix + "spec", Text.of("catalog.problem.specTwice", sku.spec()));
			}
			if (sku.barcode() != null && !barcodes.add(sku.barcode())) {
				throw new InvalidInputException(prefix + "barcode", Text.of("catalog.problem.sameBarcodeAppearsTwice"));
			}
			result.add(sku);
		}
		return result;
	}

	/** Checks one SKU; {@code prefix} is "" for a lone SKU, "skus[2]." inside a product. */
	public static NewSku sku(String prefix, NewSku sku) {
		if (sku == null) {
			throw new InvalidInputException(prefix.isEmpty() ? "sku" : prefix.substring(0, prefix.length() - 1),
					Text.of("catalog.problem.skuMissing"));
		}
		String spec = required(prefix + "spec", sku.spec(), 40);
		String unit = required(prefix + "unit", sku.unit(), 8);
		String barcode = sku.barcode() == null || sku.barcode().isBlank() ? null : sku.barcode().trim();
		if (barcode != null && !Barcodes.isValidGtin(barcode)) {
			throw new InvalidInputException(prefix + "barcode",
					Text.of("catalog.problem.barcodeMustEan8UpcEan"));
		}
		StorageTemperature storage = sku.storage();
		if (storage == null) {
			throw new InvalidInputException(prefix + "storage", Text.of("catalog.problem.storageTemperatureRequired"));
		}
		if (sku.shelfLifeDays() < 1 || sku.shelfLifeDays() > 3650) {
			throw new InvalidInputException(prefix + "shelfLifeDays",
					Text.of("catalog.problem.shelfLifeMust13650Days"));
		}
		if (sku.weightGrams() < 1 || sku.weightGrams() > 100_000) {
			throw new InvalidInputException(prefix + "weightGrams",
					Text.of("catalog.problem.weightMust1100Kg"));
		}
		return new NewSku(spec, unit, barcode, storage, sku.shelfLifeDays(), sku.weightGrams());
	}

	static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, Text.of("catalog.problem.mustNotBlank"));
		}
		return limited(field, value.trim(), max);
	}

	static String optional(String field, String value, int max) {
		return value == null || value.isBlank() ? null : limited(field, value.trim(), max);
	}

	private static String limited(String field, String value, int max) {
		if (value.codePointCount(0, value.length()) > max) {
			throw new InvalidInputException(field, Text.of("catalog.problem.atMostCharacters", max));
		}
		return value;
	}
}
