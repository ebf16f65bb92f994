package com.linli.analytics.internal.funnels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Distinct residents per funnel step from {@code analytics.tracking_event}, one query on the region's day partitions.
 * A step counts the residents who did it and every step before it in the period (a resident who paid without a
 * view in the period, an order placed through the API from a remembered link, is not in the funnel), so no step
 * is larger than the one before.
 * View is a product view, or a storefront page view when the funnel is not of one product or category (a page view
 * names no SKU, so a SKU or category filter leaves it out by itself). Anonymous events do not count.
 */
@Component
class FunnelQueries {

	private final JdbcClient jdbc;

	FunnelQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long[] residentsPerStep(RegionId region, LocalDate from, LocalDate to, Long skuId, Collection<Long> categoryIds,
			Long pickupPointId) {
		var sql = new StringBuilder("""
				select count(*) filter (where viewed),
				       count(*) filter (where viewed and carted),
				       count(*) filter (where viewed and carted and checked_out),
				       count(*) filter (where viewed and carted and checked_out and paid)
				  from (select bool_or(kind in (1, 3)) as viewed, bool_or(kind = 4) as carted,
				               bool_or(kind = 5) as checked_out, bool_or(kind = 6) as paid
				          from analytics.tracking_event
				         where region_id = ? and day between ? and ? and kind in (1, 3, 4, 5, 6) and resident_id is not null""");
		List<Object> params = new ArrayList<>(List.of(region.value(), from, to));
		if (skuId != null) {
			sql.append(" and sku_id = ?");
			params.add(skuId);
		}
		if (categoryIds != null) {
			sql.append(" and category_id = any(?)");
			params.add(categoryIds.stream().map(Long::intValue).toArray(Integer[]::new));
		}
		if (pickupPointId != null) {
			sql.append(" and pickup_point_id = ?");
			params.add(pickupPointId);
		}
		sql.append(" group by resident_id) as r");
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
	}
}
