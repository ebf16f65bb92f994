package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.linli.demo.CityPlan.Product;
import com.linli.demo.CityPlan.Sku;
import com.linli.demo.CityPlan.Supplier;

/** The demo's suppliers and catalog from the resource sheets, with deterministic EAN-13 barcodes. */
public final class CatalogPlanner {

	private CatalogPlanner() {
	}

	public static List<Supplier> suppliers() {
		return ProductSheet.suppliers().stream()
			.map(s -> new Supplier(s.name(), s.contactName(), s.contactPhone(), s.address()))
			.toList();
	}

	/** Rows with the same category and product name become one product with several SKUs. */
	public static List<Product> products(List<Supplier> suppliers, long seed) {
		Map<String, Integer> supplierIndex = new LinkedHashMap<>();
		for (int i = 0; i < suppliers.size(); i++) {
			supplierIndex.put(suppliers.get(i).name(), i);
		}
		Map<String, List<ProductSheet.Row>> byProduct = new LinkedHashMap<>();
		for (var row : ProductSheet.products()) {
			byProduct.computeIfAbsent(String.join("/", row.categoryPath()) + "|" + row.product(), k -> new ArrayList<>())
				.add(row);
		}
		Random random = Seeds.stream(seed, "barcodes", 0);
		Set<String> barcodes = new HashSet<>();
		List<Product> products = new ArrayList<>();
		for (var rows : byProduct.values()) {
			var first = rows.get(0);
			Integer supplier = supplierIndex.get(first.supplier());
			if (supplier == null) {
				throw new IllegalStateException("products.csv names an unknown supplier: " + first.supplier());
			}
			List<Sku> skus = rows.stream()
				.map(r -> new Sku(r.spec(), r.unit(), barcode(random, barcodes), r.storage(), r.shelfLifeDays(),
						r.weightGrams(), r.groupPrice(), r.listPrice()))
				.toList();
			products.add(new Product(first.categoryPath(), first.product(), description(first), first.origin(),
					first.tags(), supplier, skus));
		}
		return products;
	}

	private static String description(ProductSheet.Row row) {
		String keep = switch (row.storage()) {
			case AMBIENT -> "常温保存";
			case CHILLED -> "冷藏 0–4℃ 保存";
			case FROZEN -> "冷冻 -18℃ 保存";
		};
		String seasons = row.tags().isEmpty() ? "" : "，" + String.join("、", row.tags()) + "应季";
		return "产地" + row.origin() + "，产地直采" + seasons + "。" + keep + "，保质期 " + row.shelfLifeDays() + " 天。";
	}

	/** A unique EAN-13 with China's 69 prefix and a correct check digit. */
	static String barcode(Random random, Set<String> taken) {
		while (true) {
			String body = "69" + String.format("%010d", (long) (random.nextDouble() * 10_000_000_000L));
			String code = body + checkDigit(body);
			if (taken.add(code)) {
				return code;
			}
		}
	}

	static int checkDigit(String twelveDigits) {
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			int digit = twelveDigits.charAt(i) - '0';
			sum += (i % 2 == 0) ? digit : digit * 3;
		}
		return (10 - sum % 10) % 10;
	}
}
