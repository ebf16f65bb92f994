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
				select count(distinct resident_id) filter (where kind in (1, 3)),
				       count(distinct resident_id) filter (where kind = 4),
				       count(distinct resident_id) filter (where kind = 5),
				       count(distinct resident_id) filter (where kind = 6)
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
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
	}
}
