package com.linli.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.linli.catalog.ProductId;
import com.linli.catalog.ProductImage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded product images, one per product, kept in the database beside the product. */
@Repository
public class ProductImages {

	private final JdbcClient jdbc;

	ProductImages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void save(ProductId id, String contentType, byte[] bytes, String sha256, Instant now) {
		jdbc.sql("""
				insert into catalog.product_image (product_id, content_type, bytes, sha256, uploaded_at)
				values (?, ?, ?, ?, ?)
				on conflict (product_id) do update
				   set content_type = excluded.content_type, bytes = excluded.bytes, sha256 = excluded.sha256,
				       uploaded_at = excluded.uploaded_at""")
			.params(id.value(), contentType, bytes, sha256, Timestamp.from(now)).update();
	}

	public Optional<ProductImage> find(ProductId id) {
		return jdbc.sql("select content_type, bytes, sha256, uploaded_at from catalog.product_image where product_id = ?")
			.param(id.value())
			.query((rs, n) -> new ProductImage(id, rs.getString(1), rs.getBytes(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	public boolean remove(ProductId id) {
		return jdbc.sql("delete from catalog.product_image where product_id = ?").param(id.value()).update() > 0;
	}
}
