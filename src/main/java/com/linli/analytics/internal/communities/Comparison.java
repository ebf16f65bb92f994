package com.linli.analytics.internal.communities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.network.CommunityType;
import com.linli.ordering.ProductSalesFigures.PointCategory;
import com.linli.ordering.ProductSalesFigures.PointOrders;

/**
 * The arithmetic of the community comparison, on plain inputs: penetration = ordering residents ÷ the community's
 * households; average order value = paid ÷ orders; frequency = orders ÷ ordering residents; growth = paid ÷ the
 * previous period's paid − 1; category mix = each category's share of the point's paid amount.
 */
public final class Comparison {

	private Comparison() {
	}

	/** A pickup point as the comparison needs it. */
	public record Point(long pickupPointId, String name, long communityId, String communityName, CommunityType type,
			int households) {
	}

	public record CategoryShare(long categoryId, double share) {
	}

	/** One pickup point's row; ratios null where they divide by zero. */
	public record Row(long pickupPointId, String name, long communityId, String communityName, CommunityType type,
			int households, long residents, long orders, long paidFen, long previousPaidFen, Double penetration,
			Long averageOrderFen, Double frequency, Double growth, List<CategoryShare> categoryMix) {
	}

	/** The rows of every pickup point, by penetration (highest first, points without one last), then name. */
	public static List<Row> rows(List<Point> points, List<PointOrders> current, List<PointOrders> previous,
			List<PointCategory> categories) {
		Map<Long, PointOrders> now = new HashMap<>();
		current.forEach(o -> now.put(o.pickupPointId(), o));
		Map<Long, Long> before = new HashMap<>();
		previous.forEach(o -> before.put(o.pickupPointId(), o.paidFen()));
		Map<Long, List<PointCategory>> mix = new HashMap<>();
		categories.forEach(c -> mix.computeIfAbsent(c.pickupPointId(), k -> new ArrayList<>()).add(c));
		var rows = new ArrayList<Row>();
		for (var p : points) {
			var o = now.getOrDefault(p.pickupPointId(), new PointOrders(p.pickupPointId(), 0, 0, 0));
			long prev = before.getOrDefault(p.pickupPointId(), 0L);
			rows.add(new Row(p.pickupPointId(), p.name(), p.communityId(), p.communityName(), p.type(), p.households(),
					o.residents(), o.orders(), o.paidFen(), prev,
					p.households() == 0 ? null : (double) o.residents() / p.households(),
					o.orders() == 0 ? null : Math.round((double) o.paidFen() / o.orders()),
					o.residents() == 0 ? null : (double) o.orders() / o.residents(),
					prev == 0 ? null : (double) o.paidFen() / prev - 1,
					shares(mix.getOrDefault(p.pickupPointId(), List.of()), o.paidFen())));
		}
		rows.sort(Comparator.comparing((Row r) -> r.penetration() == null ? -1 : r.penetration()).reversed()
			.thenComparing(Row::name));
		return rows;
	}

	private static List<CategoryShare> shares(List<PointCategory> categories, long total) {
		if (total <= 0) {
			return List.of();
		}
		return categories.stream()
			.map(c -> new CategoryShare(c.categoryId(), (double) c.paidFen() / total))
			.sorted(Comparator.comparingDouble(CategoryShare::share).reversed())
			.toList();
	}
}
