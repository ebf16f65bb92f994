package com.linli.analytics.internal.products;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.analytics.internal.communities.RegionCommunities;
import com.linli.analytics.internal.funnels.Funnels;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.marketing.ListingManagement;
import com.linli.network.CommunityType;
import com.linli.network.RegionId;
import com.linli.ordering.ProductSalesFigures;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;

/**
 * Product and selection analysis of a region (issue 16): best and worst sellers by community type, a product's
 * seasonality, sell-through against the listings' caps, and what similar communities buy that a pickup point does
 * not. Sales come from ordering's {@link ProductSalesFigures}; communities and their types from network.
 */
@Service
public class ProductAnalysis {

	/** Sell-through reads the listings day by day: at most this many days. */
	static final int SELL_THROUGH_MAX_DAYS = 93;

	private final ProductSalesFigures sales;

	private final RegionCommunities communities;

	private final ListingManagement listings;

	private final SkuManagement skus;

	ProductAnalysis(ProductSalesFigures sales, RegionCommunities communities, ListingManagement listings,
			SkuManagement skus) {
		this.sales = sales;
		this.communities = communities;
		this.listings = listings;
		this.skus = skus;
	}

	/** A SKU's line in a table: its name beside the figure. */
	public record Named<T>(long skuId, String name, T figure) {
	}

	public record TypeSellers(CommunityType type, int communities, long households,
			List<Named<Selection.SkuFigure>> best, List<Named<Selection.SkuFigure>> worst) {
	}

	/** Units of a SKU against the caps of its listings picked up in the period; {@code rate} null without a cap. */
	public record SellThrough(long skuId, String name, long sold, long cap, Double rate) {
	}

	public record Bucket(LocalDate start, long units, long paidFen) {
	}

	public List<TypeSellers> sellersByType(Actor actor, RegionId region, LocalDate from, LocalDate to, int top) {
		check(actor, region, from, to);
		var result = Selection.sellersByType(sales.byPickupPointAndSku(region, from, to), points(region), top);
		var names = names(result.stream().flatMap(t -> java.util.stream.Stream.concat(t.best().stream(),
				t.worst().stream())).map(Selection.SkuFigure::skuId).toList());
		return result.stream().map(t -> new TypeSellers(t.type(), t.communities(), t.households(),
				named(t.best(), names), named(t.worst(), names))).toList();
	}

	public List<Named<Selection.Suggestion>> suggestions(Actor actor, RegionId region, Long pickupPointId,
			LocalDate from, LocalDate to, int limit) {
		check(actor, region, from, to);
		required("pickupPointId", pickupPointId);
		var list = Selection.suggestions(pickupPointId, sales.byPickupPointAndSku(region, from, to), points(region),
				limit);
		var names = names(list.stream().map(Selection.Suggestion::skuId).toList());
		return list.stream().map(s -> new Named<>(s.skuId(), names.getOrDefault(s.skuId(), "#" + s.skuId()), s)).toList();
	}

	public List<Bucket> seasonality(Actor actor, RegionId region, Long skuId, LocalDate from, LocalDate to,
			boolean weekly) {
		check(actor, region, from, to);
		required("skuId", skuId);
		return sales.seasonality(region, new SkuId(skuId), from, to, weekly).stream()
			.map(b -> new Bucket(b.start(), b.units(), b.paidFen()))
			.toList();
	}

	/** Per SKU listed in the period: units sold (the listings' sold count) ÷ the listings' caps, lowest rate first. */
	public List<SellThrough> sellThrough(Actor actor, RegionId region, LocalDate from, LocalDate to) {
		check(actor, region, from, to);
		if (ChronoUnit.DAYS.between(from, to) >= SELL_THROUGH_MAX_DAYS) {
			throw new InvalidInputException("to", Text.of("analytics.track.problem.periodTooLong", SELL_THROUGH_MAX_DAYS));
		}
		Map<Long, long[]> bySku = new LinkedHashMap<>();
		for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
			for (var l : listings.listingsFor(region, day)) {
				var t = bySku.computeIfAbsent(l.skuId().value(), k -> new long[2]);
				t[0] += l.sold();
				t[1] += l.stockCap();
			}
		}
		var names = names(bySku.keySet());
		return bySku.entrySet().stream()
			.map(e -> new SellThrough(e.getKey(), names.getOrDefault(e.getKey(), "#" + e.getKey()), e.getValue()[0],
					e.getValue()[1], e.getValue()[1] == 0 ? null : (double) e.getValue()[0] / e.getValue()[1]))
			.sorted(java.util.Comparator.comparing((SellThrough s) -> s.rate() == null ? 2.0 : s.rate())
				.thenComparingLong(SellThrough::skuId))
			.toList();
	}

	private static void required(String field, Long value) {
		if (value == null) {
			throw new InvalidInputException(field, Text.of("analytics.track.problem.required"));
		}
	}

	private void check(Actor actor, RegionId region, LocalDate from, LocalDate to) {
		actor.checkRegion(region.value());
		Funnels.checkPeriod(from, to);
	}

	private List<Selection.PointCommunity> points(RegionId region) {
		return communities.of(region).stream()
			.map(p -> new Selection.PointCommunity(p.point().id().value(), p.community().id().value(), p.type(),
					p.community().households()))
			.toList();
	}

	private Map<Long, String> names(java.util.Collection<Long> skuIds) {
		Set<SkuId> ids = new HashSet<>();
		skuIds.forEach(id -> ids.add(new SkuId(id)));
		Map<Long, String> names = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			for (Sku s : skus.skus(ids).values()) {
				names.put(s.id().value(), s.productName() + " " + s.spec());
			}
		}
		return names;
	}

	private static List<Named<Selection.SkuFigure>> named(List<Selection.SkuFigure> figures, Map<Long, String> names) {
		return figures.stream()
			.map(f -> new Named<>(f.skuId(), names.getOrDefault(f.skuId(), "#" + f.skuId()), f))
			.toList();
	}
}
