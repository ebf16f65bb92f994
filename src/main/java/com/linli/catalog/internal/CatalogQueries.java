package com.linli.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.linli.catalog.CategoryId;
import com.linli.catalog.ProductId;
import com.linli.catalog.ProductSearch;
import com.linli.catalog.ProductSummary;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuMatch;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read models of the catalogue: the console's product list and the residents' SKU search. Text
 * matching is ILIKE on substrings, which finds Chinese words inside longer names ("苹果" in
 * "红富士苹果") without a word segmenter; trigram GIN indexes serve it where pg_trgm is installed.
 */
@Component
public class CatalogQueries {

	/** More words than this in one search add nothing but cost. */
	static final int MAX_TERMS = 5;

	private final JdbcClient jdbc;

	CatalogQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of products, newest first. {@code categories} is the category with its descendants, or null. */
	public Page<ProductSummary> products(ProductSearch search, Set<CategoryId> categories, int page, int size) {
		String text = search.text() == null || search.text().isBlank() ? null : search.text().trim();
		String where = " " + """
				 where (cast(:categories as bigint[]) is null or p.category_id = any(cast(:categories as bigint[])))
				   and (cast(:active as boolean) is null or p.active = cast(:active as boolean))
				   and (cast(:text as text) is null
				        or p.name ilike :pattern or p.tags_text ilike :pattern or p.origin ilike :pattern
				        or exists (select 1 from catalog.sku s where s.product_id = p.id
				                   and (s.spec ilike :pattern or s.barcode = :text)))""";
		Long[] categoryIds = categories == null ? null : categories.stream().map(CategoryId::value).toArray(Long[]::new);
		String pattern = text == null ? null : "%" + escapeLike(text) + "%";
		long total = jdbc.sql("select count(*) from catalog.product p" + where)
			.param("categories", categoryIds).param("active", search.active()).param("text", text)
			.param("pattern", pattern).query(Long.class).single();
		var items = jdbc.sql("""
				select p.id, p.name, p.category_id, c.name as category_name, p.origin, p.supplier_id, p.active,
				       p.created_at,
				       (select count(*) from catalog.sku s where s.product_id = p.id) as sku_count,
				       (select string_agg(s.spec, ' · ' order by s.id) from catalog.sku s
				         where s.product_id = p.id and s.active) as specs,
				       exists (select 1 from catalog.product_image i where i.product_id = p.id) as has_image
				  from catalog.product p join catalog.category c on c.id = p.category_id""" + where + """

				 order by p.created_at desc, p.id desc limit :limit offset :offset""")
			.param("categories", categoryIds).param("active", search.active()).param("text", text)
			.param("pattern", pattern).param("limit", size).param("offset", (long) page * size)
			.query((rs, n) -> {
				long supplier = rs.getLong("supplier_id");
				SupplierId supplierId = rs.wasNull() ? null : new SupplierId(supplier);
				return new ProductSummary(new ProductId(rs.getLong("id")), rs.getString("name"),
						new CategoryId(rs.getLong("category_id")), rs.getString("category_name"),
						rs.getString("origin"), supplierId, rs.getBoolean("active"), rs.getInt("sku_count"),
						rs.getString("specs"), rs.getBoolean("has_image"), rs.getTimestamp("created_at").toInstant());
			})
			.list();
		return new Page<>(items, total, page, size);
	}

	/**
	 * Sellable SKUs whose product name, spec or tags contain every word of the query, best matches
	 * first ({@link #rankSkus}).
	 */
	public List<SkuId> searchSkus(String query, int limit) {
		return rankSkus(query, null, limit).stream().map(SkuMatch::skuId).toList();
	}

	/**
	 * Sellable SKUs (among {@code among}, when given) whose product name, spec or tags contain every word
	 * of the query, each with how well it matches ({@link SkuMatch#relevance}): the name (or name and
	 * spec) equal to the query, then names that end with it (in Chinese the last word names the thing:
	 * 鲜鸡蛋 is eggs, 鸡蛋挂面 is noodles), then names that start with it, then names that contain it,
	 * then matches in spec or tags only. Within one class shorter names come first.
	 */
	public List<SkuMatch> rankSkus(String query, java.util.Collection<SkuId> among, int limit) {
		List<String> terms = terms(query);
		if (terms.isEmpty() || (among != null && among.isEmpty())) {
			return List.of();
		}
		String whole = String.join(" ", terms);
		var sql = new StringBuilder("""
				select s.id, case when lower(p.name) = lower(:whole) or lower(p.name || ' ' || s.spec) = lower(:whole) then 0
				               when p.name ilike :suffix then 1
				               when p.name ilike :prefix then 2
				               when p.name ilike :contains then 3
				               else 4 end as relevance
				  from catalog.sku s join catalog.product p on p.id = s.product_id
				 where s.active and p.active
				   and (cast(:among as bigint[]) is null or s.id = any(:among))""");
		for (int i = 0; i < terms.size(); i++) {
			sql.append("\n   and (p.name ilike :t").append(i).append(" or s.spec ilike :t").append(i)
				.append(" or p.tags_text ilike :t").append(i).append(')');
		}
		sql.append("""

				 order by relevance, char_length(p.name), p.name, s.id
				 limit :limit""");
		var statement = jdbc.sql(sql.toString()).param("whole", whole)
			.param("among", among == null ? null : among.stream().map(SkuId::value).toArray(Long[]::new))
			.param("suffix", "%" + escapeLike(terms.get(0)))
			.param("prefix", escapeLike(terms.get(0)) + "%")
			.param("contains", "%" + escapeLike(terms.get(0)) + "%")
			.param("limit", Math.min(Math.max(limit, 1), among == null ? 100 : Math.max(among.size(), 1)));
		for (int i = 0; i < terms.size(); i++) {
			statement = statement.param("t" + i, "%" + escapeLike(terms.get(i)) + "%");
		}
		return statement.query((rs, n) -> new SkuMatch(new SkuId(rs.getLong(1)), rs.getInt(2))).list();
	}

	/** Products per category (only the category's own, not its subcategories'). */
	public java.util.Map<CategoryId, Long> productCounts() {
		var counts = new java.util.HashMap<CategoryId, Long>();
		jdbc.sql("select category_id, count(*) from catalog.product group by category_id")
			.query(rs -> {
				counts.put(new CategoryId(rs.getLong(1)), rs.getLong(2));
			});
		return counts;
	}

	public long activeProducts() {
		return jdbc.sql("select count(*) from catalog.product where active").query(Long.class).single();
	}

	public long activeSkus() {
		return jdbc.sql("""
				select count(*) from catalog.sku s join catalog.product p on p.id = s.product_id
				 where s.active and p.active""").query(Long.class).single();
	}

	/** The words of a search, at most five, each at most 30 characters. */
	static List<String> terms(String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		List<String> terms = new ArrayList<>();
		Arrays.stream(query.strip().split("[\\s\u3000]+")).filter(t -> !t.isBlank()).distinct().limit(MAX_TERMS)
			.map(t -> t.length() > 30 ? t.substring(0, 30) : t).forEach(terms::add);
		return terms;
	}

	/** Makes %, _ and \ in user input match themselves in LIKE (backslash is PostgreSQL's default escape). */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
