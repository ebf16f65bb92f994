package com.linli.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.CategoryId;
import com.linli.catalog.NewSku;
import com.linli.catalog.ProductId;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuEdit;
import com.linli.catalog.SkuId;
import com.linli.catalog.StorageTemperature;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SKU table; SKUs are read together with their product's name, category and tags. */
@Repository
public class Skus {

	private static final String SELECT = """
			select s.id, s.product_id, p.name as product_name, p.category_id, s.spec, s.unit, s.barcode, s.storage,
			       s.shelf_life_days, s.weight_grams, p.seasonal_tags, s.active and p.active as sellable
			  from catalog.sku s join catalog.product p on p.id = s.product_id""";

	private final JdbcClient jdbc;

	Skus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public SkuId insert(ProductId product, NewSku s, Instant now) {
		return new SkuId(jdbc.sql("""
				insert into catalog.sku (product_id, spec, unit, barcode, storage, shelf_life_days, weight_grams,
				                         active, created_at)
				values (?, ?, ?, ?, ?, ?, ?, true, ?) returning id""")
			.params(product.value(), s.spec(), s.unit(), s.barcode(), s.storage().name(), s.shelfLifeDays(),
					s.weightGrams(), Timestamp.from(now))
			.query(Long.class).single());
	}

	public void update(SkuId id, NewSku s, boolean active) {
		jdbc.sql("""
				update catalog.sku set spec = ?, unit = ?, barcode = ?, storage = ?, shelf_life_days = ?,
				                       weight_grams = ?, active = ?
				 where id = ?""")
			.params(s.spec(), s.unit(), s.barcode(), s.storage().name(), s.shelfLifeDays(), s.weightGrams(), active,
					id.value())
			.update();
	}

	public void setActive(SkuId id, boolean active) {
		jdbc.sql("update catalog.sku set active = ? where id = ?").params(active, id.value()).update();
	}

	public Optional<Sku> find(SkuId id) {
		return jdbc.sql(SELECT + " where s.id = ?").param(id.value()).query(Skus::map).optional();
	}

	public List<Sku> ofProduct(ProductId id) {
		return jdbc.sql(SELECT + " where s.product_id = ? order by s.id").param(id.value()).query(Skus::map).list();
	}

	public List<Sku> findAll(Collection<SkuId> ids) {
		Long[] array = ids.stream().map(SkuId::value).distinct().toArray(Long[]::new);
		return jdbc.sql(SELECT + " where s.id = any(?) order by s.id").param(array).query(Skus::map).list();
	}

	/** The SKUs of a product as its editor shows them, with each SKU's own active flag. */
	public List<SkuEdit> editable(ProductId id) {
		return jdbc.sql("""
				select id, spec, unit, barcode, storage, shelf_life_days, weight_grams, active
				  from catalog.sku where product_id = ? order by id""")
			.param(id.value())
			.query((rs, n) -> new SkuEdit(new SkuId(rs.getLong("id")), rs.getString("spec"), rs.getString("unit"),
					rs.getString("barcode"), StorageTemperature.valueOf(rs.getString("storage")),
					rs.getInt("shelf_life_days"), rs.getInt("weight_grams"), rs.getBoolean("active")))
			.list();
	}

	/** The SKU that carries this barcode, if any. */
	public Optional<SkuId> withBarcode(String barcode) {
		return jdbc.sql("select id from catalog.sku where barcode = ?").param(barcode)
			.query((rs, n) -> new SkuId(rs.getLong(1))).optional();
	}

	/** The SKU of this product with this spec (ignoring case), if any. */
	public Optional<SkuId> withSpec(ProductId product, String spec) {
		return jdbc.sql("select id from catalog.sku where product_id = ? and lower(spec) = lower(?)")
			.params(product.value(), spec).query((rs, n) -> new SkuId(rs.getLong(1))).optional();
	}

	static Sku map(ResultSet rs, int row) throws SQLException {
		var productId = new ProductId(rs.getLong("product_id"));
		return new Sku(new SkuId(rs.getLong("id")), productId, rs.getString("product_name"),
				new CategoryId(rs.getLong("category_id")), rs.getString("spec"), rs.getString("unit"),
				rs.getString("barcode"), StorageTemperature.valueOf(rs.getString("storage")),
				rs.getInt("shelf_life_days"), rs.getInt("weight_grams"), "/media/products/" + productId.value(),
				Products.tags(rs.getArray("seasonal_tags")), rs.getBoolean("sellable"));
	}
}
