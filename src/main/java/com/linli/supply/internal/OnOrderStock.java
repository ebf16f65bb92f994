package com.linli.supply.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.linli.catalog.SkuId;
import com.linli.inventory.InboundStock;
import com.linli.network.WarehouseId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Units on order at a warehouse for inventory's purchase suggestions: every line of a purchase order that
 * is sent or confirmed (a draft is not an order yet; delivered, settled and cancelled ones are done) and not
 * received yet, the confirmed quantity once the supplier confirmed (a short confirmation is what comes),
 * else the ordered one.
 */
@Component
class OnOrderStock implements InboundStock {

	private final JdbcClient jdbc;

	OnOrderStock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<SkuId, Long> onOrder(WarehouseId warehouse, Collection<SkuId> skus) {
		Map<SkuId, Long> found = new LinkedHashMap<>();
		if (skus.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select l.sku_id, sum(coalesce(l.confirmed_qty, l.ordered_qty))
				  from supply.purchase_order_line l join supply.purchase_order o on o.id = l.po_id
				 where o.warehouse_id = ? and o.status in ('SENT', 'CONFIRMED') and l.received_at is null
				   and l.sku_id = any(?)
				 group by l.sku_id having sum(coalesce(l.confirmed_qty, l.ordered_qty)) > 0""")
			.params(warehouse.value(), skus.stream().map(SkuId::value).toArray(Long[]::new))
			.query(rs -> {
				found.put(new SkuId(rs.getLong(1)), rs.getLong(2));
			});
		return found;
	}
}
