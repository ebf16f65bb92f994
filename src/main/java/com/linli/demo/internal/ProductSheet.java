package com.linli.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.linli.demo.CityPlan.Storage;
import com.linli.shared.Money;

/**
 * Reads the demo catalog ({@code demo/products.csv}, one SKU a row) and suppliers
 * ({@code demo/suppliers.csv}) from the classpath. Comma separated, no quoting: no field holds a comma.
 * A malformed row fails loudly with its line number.
 */
public final class ProductSheet {

	public static final String PRODUCTS = "demo/products.csv";

	public static final String SUPPLIERS = "demo/suppliers.csv";

	private ProductSheet() {
	}

	/** One row of products.csv. */
	public record Row(List<String> categoryPath, String product, String spec, String unit, Storage storage,
			int shelfLifeDays, int weightGrams, Money groupPrice, Money listPrice, String origin, Set<String> tags,
			String supplier) {
	}

	/** One row of suppliers.csv. */
	public record SupplierRow(String name, String contactName, String contactPhone, String address) {
	}

	public static List<Row> products() {
		List<Row> rows = new ArrayList<>();
		for (var line : lines(PRODUCTS, 12)) {
			try {
				rows.add(row(line.fields()));
			}
			catch (RuntimeException e) {
				throw new IllegalStateException(PRODUCTS + " line " + line.number() + ": " + e.getMessage(), e);
			}
		}
		return rows;
	}

	public static List<SupplierRow> suppliers() {
		return lines(SUPPLIERS, 4).stream()
			.map(l -> new SupplierRow(l.fields()[0], l.fields()[1], l.fields()[2], l.fields()[3]))
			.toList();
	}

	private static Row row(String[] f) {
		List<String> path = Arrays.stream(f[0].split("/")).map(String::trim).toList();
		Money group = Money.ofYuan(f[7]);
		Money list = Money.ofYuan(f[8]);
		if (group.isZero() || group.isNegative() || list.compareTo(group) < 0) {
			throw new IllegalArgumentException("group price must be positive and not above the list price");
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : f[10].split("\\|")) {
			if (!tag.isBlank()) {
				tags.add(tag.trim());
			}
		}
		return new Row(path, f[1], f[2], f[3], Storage.valueOf(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
				group, list, f[9], tags, f[11]);
	}

	private record Line(int number, String[] fields) {
	}

	/** Data lines: no comments, no header, each with exactly {@code columns} fields. */
	private static List<Line> lines(String resource, int columns) {
		InputStream in = ProductSheet.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("missing classpath resource " + resource);
		}
		List<Line> lines = new ArrayList<>();
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String text;
			int number = 0;
			boolean header = true;
			while ((text = reader.readLine()) != null) {
				number++;
				if (text.isBlank() || text.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] fields = text.split(",", -1);
				if (fields.length != columns) {
					throw new IllegalStateException(resource + " line " + number + ": " + columns
							+ " fields expected, found " + fields.length);
				}
				for (int i = 0; i < fields.length; i++) {
					fields[i] = fields[i].trim();
				}
				lines.add(new Line(number, fields));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return lines;
	}
}
