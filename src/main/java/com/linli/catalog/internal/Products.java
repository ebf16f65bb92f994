package com.linli.catalog.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.linli.catalog.CategoryId;
import com.linli.catalog.Product;
import com.linli.catalog.ProductId;
import com.linli.shared.SupplierId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The product table (SPU). */
@Repository
public class Products {

	private static final String SELECT = """
			select id, category_id, name, description, origin, seasonal_tags, supplier_id, active, created_at
			  from catalog.product""";

	private final JdbcClient jdbc;

	Products(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ProductId insert(Details d, Instant now) {
		return new ProductId(jdbc.sql("""
				insert into catalog.product (category_id, name, description, origin, seasonal_tags, supplier_id,
				                             active, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, true, ?, ?) returning id""")
			.params(d.categoryId().value(), d.name(), d.description(), d.origin(), d.seasonalTags().toArray(String[]::new),
					d.supplierId() == null ? null : d.supplierId().value(), Timestamp.from(now), Timestamp.from(now))
			.query(Long.class).single());
	}

	public void update(ProductId id, Details d, boolean active, Instant now) {
		jdbc.sql("""
				update catalog.product
				   set category_id = ?, name = ?, description = ?, origin = ?, seasonal_tags = ?, supplier_id = ?,
				       active = ?, updated_at = ?
				 where id = ?""")
			.params(d.categoryId().value(), d.name(), d.description(), d.origin(), d.seasonalTags().toArray(String[]::new),
					d.supplierId() == null ? null : d.supplierId().value(), active, Timestamp.from(now), id.value())
			.update();
	}

	public void setActive(ProductId id, boolean active, Instant now) {
		jdbc.sql("update catalog.product set active = ?, updated_at = ? where id = ?")
			.params(active, Timestamp.from(now), id.value()).update();
	}

	public Optional<Product> find(ProductId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query(Products::map).optional();
	}

	static Product map(ResultSet rs, int row) throws SQLException {
		long supplier = rs.getLong("supplier_id");
		SupplierId supplierId = rs.wasNull() ? null : new SupplierId(supplier);
		return new Product(new ProductId(rs.getLong("id")), new CategoryId(rs.getLong("category_id")),
				rs.getString("name"), rs.getString("description"), rs.getString("origin"),
				tags(rs.getArray("seasonal_tags")), supplierId, rs.getBoolean("active"),
				rs.getTimestamp("created_at").toInstant());
	}

	static Set<String> tags(Array array) throws SQLException {
		if (array == null) {
			return Set.of();
		}
		return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList((String[]) array.getArray())));
	}

	/** The checked fields of a product that both creating and editing write. */
	public record Details(CategoryId categoryId, String name, String description, String origin,
			Set<String> seasonalTags, SupplierId supplierId) {
	}
}
