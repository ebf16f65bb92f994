package com.linli.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.inventory.internal.Alerts;
import com.linli.inventory.internal.StockCosts;
import com.linli.inventory.internal.forecast.Prediction;
import com.linli.inventory.internal.replenish.CoverDemand;
import com.linli.inventory.internal.replenish.Economics;
import com.linli.inventory.internal.replenish.ListingCap;
import com.linli.inventory.internal.replenish.Newsvendor;
import com.linli.inventory.internal.replenish.ReorderPoint;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replenishment of a region's central warehouse from the forecast's quantiles: the purchase suggestion per
 * SKU (a newsvendor weighing a unit short against a unit wasted for fresh goods, a reorder point with a
 * service level for ambient ones; netted of what is available and on order with suppliers), the listing
 * cap drawn from the same forecast, and the stock-out warnings the nightly forecast raises.
 * <p>
 * The economics: the price is the group price of the SKU's latest active listing in the region (for one of the next three
 * days, else today's, else of the week before); the unit cost that of the latest batch received with a cost; a
 * disappointed resident costs {@code goodwill-share} of the price beyond the lost margin. Without a price,
 * cost × (1 + {@code assumed-markup}) stands for it; without a cost, the critical ratio is {@code fallback-ratio}.
 */
@Service
@Transactional(readOnly = true)
public class ReplenishmentManagement {

	/** Days of forecast read (the job's horizon). */
	static final int OUTLOOK_DAYS = 7;

	/** Days before today a listing's price is still taken as the SKU's price. */
	static final int PRICE_LOOKBACK_DAYS = 7;

	private final ForecastManagement forecasts;

	private final RegionManagement regions;

	private final WarehouseManagement warehouses;

	private final SkuManagement catalog;

	private final StockManagement stock;

	private final ListingManagement listings;

	private final ObjectProvider<InboundStock> inbound;

	private final StockCosts costs;

	private final Alerts alerts;

	private final Clock clock;

	private final Settings settings;

	/** The assumptions of replenishment (application properties {@code linli.inventory.replenish.*}). */
	record Settings(int leadTimeDays, int reviewDays, int ambientReviewDays, double serviceLevel, double goodwillShare,
			double assumedMarkup, double fallbackRatio, double warnQuantile) {

		Settings {
			if (leadTimeDays < 1 || leadTimeDays > 7 || reviewDays < 1 || reviewDays > 7 || ambientReviewDays < 1
					|| ambientReviewDays > 28) {
				throw new IllegalArgumentException("linli.inventory.replenish: lead time and review 1..7 days, ambient review 1..28");
			}
			for (double q : new double[] { serviceLevel, fallbackRatio, warnQuantile }) {
				if (!(q >= 0.5 && q <= 0.99)) {
					throw new IllegalArgumentException("linli.inventory.replenish: quantiles between 0.5 and 0.99");
				}
			}
			if (!(goodwillShare >= 0 && goodwillShare <= 5 && assumedMarkup >= 0 && assumedMarkup <= 5)) {
				throw new IllegalArgumentException("linli.inventory.replenish: goodwill share and markup between 0 and 5");
			}
		}
	}

	ReplenishmentManagement(ForecastManagement forecasts, RegionManagement regions, WarehouseManagement warehouses,
			SkuManagement catalog, StockManagement stock, ListingManagement listings, ObjectProvider<InboundStock> inbound,
			StockCosts costs, Alerts alerts, Clock clock,
			@Value("${linli.inventory.replenish.lead-time-days:1}") int leadTimeDays,
			@Value("${linli.inventory.replenish.review-days:1}") int reviewDays,
			@Value("${linli.inventory.replenish.ambient-review-days:7}") int ambientReviewDays,
			@Value("${linli.inventory.replenish.service-level:0.95}") double serviceLevel,
			@Value("${linli.inventory.replenish.goodwill-share:0.1}") double goodwillShare,
			@Value("${linli.inventory.replenish.assumed-markup:0.25}") double assumedMarkup,
			@Value("${linli.inventory.replenish.fallback-ratio:0.8}") double fallbackRatio,
			@Value("${linli.inventory.replenish.warn-quantile:0.95}") double warnQuantile) {
		this.forecasts = forecasts;
		this.regions = regions;
		this.warehouses = warehouses;
		this.catalog = catalog;
		this.stock = stock;
		this.listings = listings;
		this.inbound = inbound;
		this.costs = costs;
		this.alerts = alerts;
		this.clock = clock;
		this.settings = new Settings(leadTimeDays, reviewDays, ambientReviewDays, serviceLevel, goodwillShare,
				assumedMarkup, fallbackRatio, warnQuantile);
	}

	/** What to buy of the SKU for the region's central warehouse, with the reasoning; refused without a forecast. */
	public PurchaseSuggestion purchaseSuggestion(RegionId regionId, SkuId skuId, Actor actor) {
		Region region = region(regionId, actor);
		Sku sku = sku(skuId);
		DemandOutlook outlook = forecasts.outlook(region.id(), List.of(skuId), OUTLOOK_DAYS, actor).get(skuId);
		Prediction forecast = prediction(outlook, today(region).plusDays(1));
		if (forecast == null) {
			throw new BusinessRuleException("no-forecast", Text.of("inventory.replenish.problem.noForecast", sku.displayName()));
		}
		Warehouse central = central(region).orElse(null);
		long available = central == null ? 0 : stock.available(central.id(), List.of(skuId)).getOrDefault(skuId, 0L);
		long onOrder = central == null ? 0 : onOrder(central.id(), List.of(skuId)).getOrDefault(skuId, 0L);
		int shelfLife = Math.max(1, sku.shelfLifeDays());
		ReplenishmentPolicy policy = ReplenishmentPolicy.of(sku.storage(), shelfLife);
		List<Text> why = new ArrayList<>();
		if (central == null) {
			why.add(Text.of("inventory.replenish.reason.noCentral"));
		}
		PurchaseSuggestion suggestion = policy == ReplenishmentPolicy.FRESH_NEWSVENDOR
				? newsvendor(region, sku, shelfLife, outlook, forecast, central, available, onOrder, why)
				: reorderPoint(region, sku, shelfLife, outlook, forecast, central, available, onOrder, why);
		return suggestion;
	}

	private PurchaseSuggestion newsvendor(Region region, Sku sku, int shelfLife, DemandOutlook outlook,
			Prediction forecast, Warehouse central, long available, long onOrder, List<Text> why) {
		Newsvendor newsvendor = new Newsvendor(settings.leadTimeDays(), settings.reviewDays(), shelfLife);
		Optional<Money> cost = costs.lastUnitCost(sku.id(), central == null ? null : central.id());
		Optional<Money> listed = price(region, sku.id());
		Newsvendor.Decision d;
		Money price = listed.orElse(null);
		if (cost.isEmpty()) {
			d = newsvendor.decideAt(forecast, settings.fallbackRatio(), available, onOrder);
			why.add(Text.of("inventory.replenish.reason.noCost", percent(settings.fallbackRatio())));
		}
		else {
			if (price == null) {
				price = Money.ofFen(Math.round(cost.get().fen() * (1 + settings.assumedMarkup())));
				why.add(Text.of("inventory.replenish.reason.noPrice", yuan(price), percent(settings.assumedMarkup())));
			}
			double goodwill = price.fen() * settings.goodwillShare();
			d = newsvendor.decide(forecast, new Economics(price.fen(), cost.get().fen(), goodwill), available, onOrder);
			why.add(Text.of("inventory.replenish.reason.newsvendor", shelfLife, yuan(d.underage()),
					yuan(Math.max(0, price.fen() - cost.get().fen())), yuan(goodwill), yuan(d.overage()),
					yuan(cost.get().fen()), percent(d.wasteShare()), ratio(d.criticalRatio())));
		}
		why.add(0, Text.of("inventory.replenish.reason.forecast", d.coverDays(), units(d.demand().mean()),
				ratio(d.criticalRatio()), units(d.demand().quantile(d.criticalRatio()))));
		why.add(Text.of("inventory.replenish.reason.net", d.orderUpTo(), available, onOrder, d.suggested()));
		why.add(Text.of("inventory.replenish.reason.waste", units(d.expectedWaste()), percent(d.wasteShare())));
		return new PurchaseSuggestion(region.id(), sku.id(), sku.displayName(), central == null ? null : central.id(),
				ReplenishmentPolicy.FRESH_NEWSVENDOR, outlook.issuedOn(), outlook.method(), shelfLife, d.coverDays(),
				d.demand().mean(), d.criticalRatio(), d.demand().quantile(d.criticalRatio()), d.criticalRatio(), null, null,
				price, cost.orElse(null), d.wasteShare(), d.orderUpTo(), available, onOrder, d.expectedWaste(), d.suggested(),
				List.copyOf(why));
	}

	private PurchaseSuggestion reorderPoint(Region region, Sku sku, int shelfLife, DemandOutlook outlook,
			Prediction forecast, Warehouse central, long available, long onOrder, List<Text> why) {
		var policy = new ReorderPoint(settings.leadTimeDays(), settings.ambientReviewDays(), settings.serviceLevel());
		ReorderPoint.Decision d = policy.decide(forecast, available, onOrder);
		double q = d.leadDemand().quantile(d.serviceLevel());
		why.add(Text.of("inventory.replenish.reason.forecast", settings.leadTimeDays(), units(d.leadDemand().mean()),
				ratio(d.serviceLevel()), units(q)));
		why.add(Text.of("inventory.replenish.reason.reorderPoint", shelfLife, d.reorderPoint(), ratio(d.serviceLevel()),
				settings.leadTimeDays(), d.orderUpTo(), units(d.reviewMean()), settings.ambientReviewDays()));
		why.add(d.suggested() > 0 || available + onOrder <= d.reorderPoint()
				? Text.of("inventory.replenish.reason.net", d.orderUpTo(), available, onOrder, d.suggested())
				: Text.of("inventory.replenish.reason.aboveReorderPoint", available + onOrder, d.reorderPoint()));
		Money price = price(region, sku.id()).orElse(null);
		Money cost = costs.lastUnitCost(sku.id(), central == null ? null : central.id()).orElse(null);
		return new PurchaseSuggestion(region.id(), sku.id(), sku.displayName(), central == null ? null : central.id(),
				ReplenishmentPolicy.AMBIENT_REORDER_POINT, outlook.issuedOn(), outlook.method(), shelfLife,
				d.coverDays(), d.leadDemand().mean() + d.reviewMean(), d.serviceLevel(), q, null, d.serviceLevel(),
				d.reorderPoint(), price, cost, null, d.orderUpTo(), available, onOrder, 0, d.suggested(), List.copyOf(why));
	}

	/**
	 * The suggested listing cap of the SKU for the region's next pickup date, from the same forecast as the
	 * purchase: {@link ListingCap} (the day's 0.8 quantile, rounded up); 0 without a forecast.
	 */
	public long suggestedCap(RegionId regionId, SkuId skuId, Actor actor) {
		DemandOutlook outlook = forecasts.outlook(regionId, List.of(skuId), 1, actor).get(skuId);
		return ListingCap.units(outlook == null || outlook.days().isEmpty() ? null : outlook.days().get(0).p80());
	}

	/** What a raising of stock-out warnings found: SKUs checked, warnings open now, new ones, resolved ones. */
	public record StockoutWarnings(int checked, int open, int raised, int resolved) {
	}

	/**
	 * Raises a stock-out warning ({@link AlertKind#STOCKOUT_AHEAD}) for every SKU of the region whose demand
	 * before a purchase made now can arrive (the lead time's days from tomorrow) exceeds, at the warning
	 * quantile (0.95 by default), what the central warehouse has available plus what is on order; resolves
	 * the region's warnings whose condition is gone. What the nightly forecast calls after forecasting.
	 * Only SKUs kept in stock are checked: one with nothing available and nothing on order is bought to order
	 * after the cutoff (the group-buying default: tonight's purchase arrives before tomorrow's pickups), so a
	 * warning for it would fire for every such SKU every night and say nothing.
	 */
	@Transactional
	public StockoutWarnings raiseStockoutWarnings(RegionId regionId) {
		return raiseStockoutWarnings(regionId, Actor.system("replenishment"));
	}

	/** As {@link #raiseStockoutWarnings(RegionId)}, asked by staff of the region (the console's button, the API). */
	@Transactional
	public StockoutWarnings raiseStockoutWarnings(RegionId regionId, Actor actor) {
		Actor platform = Actor.system("replenishment");
		Region region = region(regionId, actor);
		var now = clock.instant();
		Optional<Warehouse> central = central(region);
		Set<Long> open = new HashSet<>();
		int raised = 0;
		int checked = 0;
		if (central.isPresent()) {
			WarehouseId w = central.get().id();
			List<SkuId> skus = forecasts.skus(region.id(), platform).stream().map(ForecastSku::skuId).toList();
			Map<SkuId, DemandOutlook> outlooks = forecasts.outlook(region.id(), skus, OUTLOOK_DAYS, platform);
			Map<SkuId, Long> available = skus.isEmpty() ? Map.of() : stock.available(w, skus);
			Map<SkuId, Long> onOrder = onOrder(w, skus);
			for (SkuId sku : skus) {
				Prediction forecast = prediction(outlooks.get(sku), today(region).plusDays(1));
				if (forecast == null) {
					continue;
				}
				long have = available.getOrDefault(sku, 0L) + onOrder.getOrDefault(sku, 0L);
				if (have <= 0) {
					continue;
				}
				checked++;
				CoverDemand lead = CoverDemand.over(forecast, 0, settings.leadTimeDays());
				double quantile = lead.quantile(settings.warnQuantile());
				if (quantile > have + 1e-9) {
					double daily = lead.mean() / settings.leadTimeDays();
					var result = alerts.raise(new Alerts.Computed(AlertKind.STOCKOUT_AHEAD, w, region.id(), sku, null, have,
							(long) Math.ceil(quantile - 1e-9), BigDecimal.valueOf(daily).setScale(2, RoundingMode.HALF_UP),
							daily > 0 ? BigDecimal.valueOf(have / daily).setScale(1, RoundingMode.HALF_UP) : null, null,
							(long) Math.ceil(quantile - have - 1e-9)), now);
					open.add(result.getKey());
					raised += result.getValue() ? 1 : 0;
				}
			}
		}
		int resolved = alerts.resolveOpenOfKind(AlertKind.STOCKOUT_AHEAD, region.id(), open, now);
		return new StockoutWarnings(checked, open.size(), raised, resolved);
	}

	/** Units on order with suppliers at the warehouse, summed over every source plugged in. */
	private Map<SkuId, Long> onOrder(WarehouseId warehouse, Collection<SkuId> skus) {
		Map<SkuId, Long> total = new HashMap<>();
		if (skus.isEmpty()) {
			return total;
		}
		inbound.orderedStream().forEach(source -> source.onOrder(warehouse, skus).forEach((sku, units) -> total.merge(sku,
				units, Long::sum)));
		return total;
	}

	/** The group price of the SKU's latest active listing for the next three days, today or the week before. */
	private Optional<Money> price(Region region, SkuId sku) {
		LocalDate today = today(region);
		for (int back = -3; back <= PRICE_LOOKBACK_DAYS; back++) {
			Optional<Money> found = listings.listingsFor(region.id(), today.minusDays(back)).stream()
				.filter(l -> l.skuId().equals(sku) && l.status() == ListingStatus.ACTIVE)
				.max(Comparator.comparing(Listing::createdAt))
				.map(Listing::groupPrice);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** The region's purchasing central warehouse (as purchase orders and forecasts choose it). */
	private Optional<Warehouse> central(Region region) {
		return warehouses.purchasingCentral(region.id());
	}

	/**
	 * The outlook's days as a prediction from {@code tomorrow} (a day without a forecast in between counts as
	 * none sold); null without any forecast from tomorrow on.
	 */
	static Prediction prediction(DemandOutlook outlook, LocalDate tomorrow) {
		if (outlook == null || outlook.days().isEmpty()) {
			return null;
		}
		int n = 0;
		for (var day : outlook.days()) {
			n = Math.max(n, (int) (day.date().toEpochDay() - tomorrow.toEpochDay()) + 1);
		}
		if (n <= 0) {
			return null;
		}
		double[] mean = new double[n];
		double[] p50 = new double[n];
		double[] p80 = new double[n];
		double[] p95 = new double[n];
		for (var day : outlook.days()) {
			int d = (int) (day.date().toEpochDay() - tomorrow.toEpochDay());
			if (d < 0) {
				continue;
			}
			mean[d] = day.mean();
			p50[d] = day.p50();
			p80[d] = Math.max(day.p50(), day.p80());
			p95[d] = Math.max(p80[d], day.p95());
		}
		return new Prediction(mean, p50, p80, p95, outlook.method() == null ? "linli" : outlook.method());
	}

	private Sku sku(SkuId skuId) {
		if (skuId == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.chooseSku"));
		}
		Sku sku = catalog.skus(List.of(skuId)).get(skuId);
		if (sku == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.unknownSku", skuId));
		}
		return sku;
	}

	private Region region(RegionId regionId, Actor actor) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("inventory.problem.chooseRegion"));
		}
		Region region = regions.regions().stream().filter(r -> r.id().equals(regionId)).findFirst()
			.orElseThrow(() -> new InvalidInputException("regionId", Text.of("inventory.problem.unknownRegion", regionId)));
		actor.checkRegion(region.id().value());
		return region;
	}

	private LocalDate today(Region region) {
		return LocalDate.now(clock.withZone(region.zone()));
	}

	private static String units(double units) {
		return String.format(Locale.ROOT, "%.1f", units);
	}

	private static String ratio(double ratio) {
		return String.format(Locale.ROOT, "%.2f", ratio);
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.0f", share * 100);
	}

	private static String yuan(double fen) {
		return String.format(Locale.ROOT, "%.2f", fen / 100);
	}

	private static String yuan(Money money) {
		return money.yuan().toPlainString();
	}
}
