package com.linli.analytics.internal.products;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.network.CommunityType;
import com.linli.ordering.ProductSalesFigures.PointSku;

/**
 * The arithmetic of product and selection analysis, on plain inputs (no Spring, no database): sales per SKU are
 * compared across communities of different sizes as units per 100 households.
 */
public final class Selection {

	private Selection() {
	}

	/** A pickup point's community: its id, type (null when the operator recorded no age mix) and households. */
	public record PointCommunity(long pickupPointId, long communityId, CommunityType type, int households) {
	}

	/** A SKU's figure in a group of communities. */
	public record SkuFigure(long skuId, long units, long paidFen, double unitsPer100Households) {
	}

	/** The best and worst sellers among the communities of one type. */
	public record TypeSellers(CommunityType type, int communities, long households, List<SkuFigure> best,
			List<SkuFigure> worst) {
	}

	/** A product that sells in similar communities and not at this pickup point. */
	public record Suggestion(long skuId, long peerUnits, double unitsPer100Households, int peerPoints) {
	}

	/**
	 * Per community type (types with no pickup point left out), the {@code top} best and worst sellers by units per
	 * 100 households of the type's communities (each community's households counted once).
	 */
	static List<TypeSellers> sellersByType(List<PointSku> sales, List<PointCommunity> points, int top) {
		Map<Long, PointCommunity> byPoint = new HashMap<>();
		points.forEach(p -> byPoint.put(p.pickupPointId(), p));
		var result = new ArrayList<TypeSellers>();
		for (var type : CommunityType.values()) {
			var ofType = points.stream().filter(p -> p.type() == type).toList();
			if (ofType.isEmpty()) {
				continue;
			}
			long households = households(ofType);
			Set<Long> pointIds = new HashSet<>();
			ofType.forEach(p -> pointIds.add(p.pickupPointId()));
			var figures = figures(sales.stream().filter(s -> pointIds.contains(s.pickupPointId())).toList(), households);
			var best = figures.stream().limit(top).toList();
			var worst = new ArrayList<>(figures.subList(Math.max(0, figures.size() - top), figures.size()));
			java.util.Collections.reverse(worst);
			result.add(new TypeSellers(type, (int) ofType.stream().map(PointCommunity::communityId).distinct().count(),
					households, best, worst));
		}
		return result;
	}

	/**
	 * What the pickup point's similar communities (same type, other communities) buy and it does not: SKUs with units
	 * at any similar point and none at this one, by units per 100 households of the similar communities, the first
	 * {@code limit}. Empty when the point's community has no type.
	 */
	static List<Suggestion> suggestions(long pickupPointId, List<PointSku> sales, List<PointCommunity> points,
			int limit) {
		var target = points.stream().filter(p -> p.pickupPointId() == pickupPointId).findFirst().orElse(null);
		if (target == null || target.type() == null) {
			return List.of();
		}
		var peers = points.stream()
			.filter(p -> p.type() == target.type() && p.communityId() != target.communityId())
			.toList();
		long households = households(peers);
		if (households == 0) {
			return List.of();
		}
		Set<Long> peerIds = new HashSet<>();
		peers.forEach(p -> peerIds.add(p.pickupPointId()));
		Set<Long> boughtHere = new HashSet<>();
		Map<Long, long[]> peerUnits = new LinkedHashMap<>();
		for (var s : sales) {
			if (s.pickupPointId() == pickupPointId && s.units() > 0) {
				boughtHere.add(s.skuId());
			}
			else if (peerIds.contains(s.pickupPointId()) && s.units() > 0) {
				var u = peerUnits.computeIfAbsent(s.skuId(), k -> new long[2]);
				u[0] += s.units();
				u[1]++;
			}
		}
		return peerUnits.entrySet().stream()
			.filter(e -> !boughtHere.contains(e.getKey()))
			.map(e -> new Suggestion(e.getKey(), e.getValue()[0], per100(e.getValue()[0], households),
					(int) e.getValue()[1]))
			.sorted(Comparator.comparingDouble(Suggestion::unitsPer100Households).reversed()
				.thenComparingLong(Suggestion::skuId))
			.limit(limit)
			.toList();
	}

	/** The SKUs' totals over these sales, best first (ties by SKU id). */
	static List<SkuFigure> figures(List<PointSku> sales, long households) {
		Map<Long, long[]> bySku = new LinkedHashMap<>();
		for (var s : sales) {
			var t = bySku.computeIfAbsent(s.skuId(), k -> new long[2]);
			t[0] += s.units();
			t[1] += s.paidFen();
		}
		return bySku.entrySet().stream()
			.map(e -> new SkuFigure(e.getKey(), e.getValue()[0], e.getValue()[1], per100(e.getValue()[0], households)))
			.sorted(Comparator.comparingLong(SkuFigure::units).reversed().thenComparingLong(SkuFigure::skuId))
			.toList();
	}

	private static long households(List<PointCommunity> points) {
		Map<Long, Integer> byCommunity = new HashMap<>();
		points.forEach(p -> byCommunity.put(p.communityId(), p.households()));
		return byCommunity.values().stream().mapToLong(Integer::longValue).sum();
	}

	static double per100(long units, long households) {
		return households == 0 ? 0 : Math.round(units * 100.0 / households * 100) / 100.0;
	}
}
