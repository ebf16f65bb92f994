package com.linli.supply.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.linli.shared.Money;
import com.linli.shared.SupplierId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What after-sales tells supply about the goods of its suppliers: the cases (requests) and product complaints
 * counted in scorecards, and the chargebacks of quality refunds (once per request). Every write is an upsert
 * keyed by the after-sales id, so an event delivered twice changes nothing.
 */
@Repository
public class AfterSalesCases {

	private final JdbcClient jdbc;

	AfterSalesCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where goods came from: the supplier, the purchase order that carried them (or null), its price (or null). */
	public record Source(SupplierId supplierId, Long purchaseOrderId, Long priceFen) {
	}

	/**
	 * The received purchase order of the region for the pickup date that carried the SKU (the last round that
	 * had accepted units of it, else the last received one): its supplier and purchase price.
	 */
	public Optional<Source> purchaseOrderOf(long regionId, LocalDate pickupDate, long skuId) {
		return jdbc.sql("""
				select p.supplier_id, p.id, l.price_fen from supply.purchase_order p
				  join supply.purchase_order_line l on l.po_id = p.id
				 where p.region_id = ? and p.pickup_date = ? and l.sku_id = ? and p.status in ('DELIVERED', 'SETTLED')
				 order by (coalesce(l.accepted_qty, 0) > 0) desc, p.id desc limit 1""")
			.params(regionId, Date.valueOf(pickupDate), skuId)
			.query((rs, n) -> new Source(new SupplierId(rs.getLong(1)), rs.getLong(2), rs.getLong(3)))
			.optional();
	}

	/** The last received purchase order of the region carrying the SKU, delivered by {@code before}. */
	public Optional<Source> lastPurchaseOrderOf(long regionId, long skuId, Instant before) {
		return jdbc.sql("""
				select p.supplier_id, p.id, l.price_fen from supply.purchase_order p
				  join supply.purchase_order_line l on l.po_id = p.id
				 where p.region_id = ? and l.sku_id = ? and p.status in ('DELIVERED', 'SETTLED') and p.delivered_at <= ?
				   and coalesce(l.accepted_qty, 0) > 0
				 order by p.delivered_at desc, p.id desc limit 1""")
			.params(regionId, skuId, Timestamp.from(before))
			.query((rs, n) -> new Source(new SupplierId(rs.getLong(1)), rs.getLong(2), rs.getLong(3)))
			.optional();
	}

	/** The supplier's purchase price of the SKU from its offer, if it has one and the supplier exists. */
	public Optional<Long> offeredPrice(SupplierId supplier, long skuId) {
		return jdbc.sql("select price_fen from supply.supplier_sku where supplier_id = ? and sku_id = ?")
			.params(supplier.value(), skuId).query(Long.class).optional();
	}

	public boolean supplierExists(SupplierId supplier) {
		return jdbc.sql("select count(*) from supply.supplier where id = ?").param(supplier.value())
			.query(Long.class).single() > 0;
	}

	/** Records (or completes) the case of a request; keeps whether it was dropped and its refunded units. */
	public void recordCase(long requestId, Source source, long regionId, long skuId, LocalDate pickupDate,
			String reason, boolean productCause, int units) {
		jdbc.sql("""
				insert into supply.aftersales_case (request_id, supplier_id, po_id, region_id, sku_id, pickup_date, reason,
				       product_cause, units) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (request_id) do update set supplier_id = excluded.supplier_id, po_id = excluded.po_id,
				       region_id = excluded.region_id, sku_id = excluded.sku_id, pickup_date = excluded.pickup_date,
				       reason = excluded.reason, product_cause = excluded.product_cause, units = excluded.units""")
			.params(requestId, source.supplierId().value(), source.purchaseOrderId(), regionId, skuId,
					Date.valueOf(pickupDate), reason, productCause, units)
			.update();
	}

	/** The request's units refunded (or replaced) for quality: set, not added (a second delivery changes nothing). */
	public void recordQualityRefund(long requestId, int units) {
		jdbc.sql("update supply.aftersales_case set refunded_quality_units = ? where request_id = ?")
			.params(units, requestId).update();
	}

	/** The request was rejected or withdrawn: it no longer counts (a row is kept if its case comes later). */
	public void drop(long requestId) {
		jdbc.sql("""
				insert into supply.aftersales_case (request_id, dropped) values (?, true)
				on conflict (request_id) do update set dropped = true""").param(requestId).update();
	}

	public void recordComplaint(long complaintId, Source source, long regionId, long skuId, LocalDate filedOn) {
		jdbc.sql("""
				insert into supply.product_complaint (complaint_id, supplier_id, po_id, region_id, sku_id, filed_on)
				values (?, ?, ?, ?, ?, ?) on conflict (complaint_id) do nothing""")
			.params(complaintId, source.supplierId().value(), source.purchaseOrderId(), regionId, skuId,
					Date.valueOf(filedOn))
			.update();
	}

	/** A chargeback for an after-sales request, unless the request has one already: whether it was added. */
	public boolean addChargeback(long requestId, Source source, Money amount, String reason, Instant now) {
		return jdbc.sql("""
				insert into supply.chargeback (supplier_id, po_id, amount_fen, reason, created_at, aftersales_request_id)
				values (?, ?, ?, ?, ?, ?) on conflict (aftersales_request_id) do nothing""")
			.params(source.supplierId().value(), source.purchaseOrderId(), amount.fen(), reason, Timestamp.from(now),
					requestId)
			.update() == 1;
	}

	/** After-sales figures of suppliers over a period (see {@link #figures}). */
	public record Figures(long productCaseUnits, long complaints, long qualityRefundedUnits) {

		public static final Figures NONE = new Figures(0, 0, 0);

		/** Units of product-caused cases plus product complaints. */
		public long complaintUnits() {
			return productCaseUnits + complaints;
		}
	}

	/**
	 * Per supplier (all when null), the cases and complaints of goods delivered in [from, to): by the delivery of
	 * the purchase order they are attributed to, else by their pickup date (cases) or filing date (complaints).
	 */
	public Map<SupplierId, Figures> figures(SupplierId supplier, Instant from, Instant to, LocalDate fromDay,
			LocalDate toDay) {
		long s = supplier == null ? 0 : supplier.value();
		var result = new HashMap<SupplierId, Figures>();
		jdbc.sql("""
				select c.supplier_id,
				       coalesce(sum(case when not c.dropped and c.product_cause then c.units else 0 end), 0),
				       coalesce(sum(c.refunded_quality_units), 0)
				  from supply.aftersales_case c left join supply.purchase_order p on p.id = c.po_id
				 where c.supplier_id is not null and (? = 0 or c.supplier_id = ?)
				   and (p.id is not null and p.delivered_at >= ? and p.delivered_at < ?
				        or p.id is null and c.pickup_date >= ? and c.pickup_date < ?)
				 group by c.supplier_id""")
			.params(s, s, Timestamp.from(from), Timestamp.from(to), Date.valueOf(fromDay), Date.valueOf(toDay))
			.query((rs, n) -> result.put(new SupplierId(rs.getLong(1)), new Figures(rs.getLong(2), 0, rs.getLong(3))))
			.list();
		jdbc.sql("""
				select c.supplier_id, count(*)
				  from supply.product_complaint c left join supply.purchase_order p on p.id = c.po_id
				 where (? = 0 or c.supplier_id = ?)
				   and (p.id is not null and p.delivered_at >= ? and p.delivered_at < ?
				        or p.id is null and c.filed_on >= ? and c.filed_on < ?)
				 group by c.supplier_id""")
			.params(s, s, Timestamp.from(from), Timestamp.from(to), Date.valueOf(fromDay), Date.valueOf(toDay))
			.query((rs, n) -> result.merge(new SupplierId(rs.getLong(1)), new Figures(0, rs.getLong(2), 0),
					(a, b) -> new Figures(a.productCaseUnits(), b.complaints(), a.qualityRefundedUnits())))
			.list();
		return result;
	}
}
