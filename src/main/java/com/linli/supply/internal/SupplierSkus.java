package com.linli.supply.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;
import com.linli.supply.NewSupplierSku;
import com.linli.supply.SupplierSku;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SKUs each supplier delivers, with price, lead time and MOQ (SKU names are filled in by the caller). */
@Repository
public class SupplierSkus {

	private static final String SELECT = "select id, supplier_id, sku_id, price_fen, lead_time_days, moq, active from supply.supplier_sku";

	private final JdbcClient jdbc;

	SupplierSkus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the SKU to the supplier, or changes its terms when it is there already. */
	public long upsert(SupplierId supplier, NewSupplierSku s) {
		return jdbc.sql("""
				insert into supply.supplier_sku (supplier_id, sku_id, price_fen, lead_time_days, moq, active)
				values (?, ?, ?, ?, ?, ?)
				on conflict (supplier_id, sku_id) do update set price_fen = excluded.price_fen,
				   lead_time_days = excluded.lead_time_days, moq = excluded.moq, active = excluded.active
				returning id""")
			.params(supplier.value(), s.skuId().value(), s.price().fen(), s.leadTimeDays(), s.moq(), s.active())
			.query(Long.class).single();
	}

	public Optional<SupplierSku> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(SupplierSkus::map).optional();
	}

	public List<SupplierSku> of(SupplierId supplier) {
		return jdbc.sql(SELECT + " where supplier_id = ? order by sku_id").param(supplier.value())
			.query(SupplierSkus::map).list();
	}

	/** Active offers for these SKUs from active suppliers. */
	public List<SupplierSku> offers(Collection<SkuId> skus) {
		Long[] ids = skus.stream().map(SkuId::value).toArray(Long[]::new);
		return jdbc.sql("""
				select o.id, o.supplier_id, o.sku_id, o.price_fen, o.lead_time_days, o.moq, o.active
				  from supply.supplier_sku o join supply.supplier s on s.id = o.supplier_id
				 where o.sku_id = any(?) and o.active and s.active order by o.sku_id, o.id""")
			.param(ids).query(SupplierSkus::map).list();
	}

	static SupplierSku map(ResultSet rs, int row) throws SQLException {
		return new SupplierSku(rs.getLong("id"), new SupplierId(rs.getLong("supplier_id")),
				new SkuId(rs.getLong("sku_id")), null, Money.ofFen(rs.getLong("price_fen")), rs.getInt("lead_time_days"),
				rs.getInt("moq"), rs.getBoolean("active"));
	}
}
