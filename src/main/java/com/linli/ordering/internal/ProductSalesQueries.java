package com.linli.ordering.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.ordering.ProductSalesFigures.Bucket;
import com.linli.ordering.ProductSalesFigures.PaidLine;
import com.linli.ordering.ProductSalesFigures.PointCategory;
import com.linli.ordering.ProductSalesFigures.PointOrders;
import com.linli.ordering.ProductSalesFigures.PointSku;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The set-based queries behind {@code ProductSalesFigures}: paid, not cancelled orders of a region by pickup date. */
@Component
public class ProductSalesQueries {

	private static final String SOLD = """
			  from ordering.orders o
			  join ordering.order_line l on l.order_id = o.id
			 where o.region_id = ? and o.pickup_date between ? and ?
			   and o.paid_at is not null and o.cancelled_at is null
			""";

	private final JdbcClient jdbc;

	ProductSalesQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PointSku> byPointAndSku(RegionId region, LocalDate from, LocalDate to) {
		return jdbc.sql("select o.pickup_point_id, l.sku_id, max(l.category_id) as category_id,"
				+ " sum(l.quantity - l.refunded_quantity) as units, sum(l.paid_fen - l.refunded_fen) as paid_fen"
				+ SOLD + " group by 1, 2 order by 1, 2")
			.params(region.value(), from, to)
			.query((rs, n) -> new PointSku(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.list();
	}

	public List<PointOrders> byPoint(RegionId region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select o.pickup_point_id, count(distinct o.resident_id), count(*), sum(o.paid_fen - o.refunded_fen)
				  from ordering.orders o
				 where o.region_id = ? and o.pickup_date between ? and ?
				   and o.paid_at is not null and o.cancelled_at is null
				 group by 1 order by 1""")
			.params(region.value(), from, to)
			.query((rs, n) -> new PointOrders(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	public List<PointCategory> byPointAndCategory(RegionId region, LocalDate from, LocalDate to) {
		return jdbc.sql("select o.pickup_point_id, l.category_id, sum(l.paid_fen - l.refunded_fen)" + SOLD
				+ " group by 1, 2 order by 1, 2")
			.params(region.value(), from, to)
			.query((rs, n) -> new PointCategory(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	public List<Bucket> seasonality(RegionId region, SkuId sku, LocalDate from, LocalDate to, boolean weekly) {
		String unit = weekly ? "week" : "month";
		return jdbc.sql("select date_trunc('" + unit + "', o.pickup_date)::date,"
				+ " sum(l.quantity - l.refunded_quantity), sum(l.paid_fen - l.refunded_fen)" + SOLD
				+ " and l.sku_id = ? group by 1 order by 1")
			.params(region.value(), from, to, sku.value())
			.query((rs, n) -> new Bucket(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	public List<PaidLine> paidLines(RegionId region, Instant from, Instant to) {
		return jdbc.sql("""
				select o.id, o.resident_id, o.pickup_point_id, o.paid_at, l.listing_id, l.sku_id
				  from ordering.orders o
				  join ordering.order_line l on l.order_id = o.id
				 where o.region_id = ? and o.paid_at >= ? and o.paid_at < ?
				 order by o.paid_at, o.id, l.id""")
			.params(region.value(), Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new PaidLine(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6)))
			.list();
	}
}
