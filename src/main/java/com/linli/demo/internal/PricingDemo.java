package com.linli.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.inventory.CompetitorPriceManagement;
import com.linli.inventory.DemandOutlook;
import com.linli.inventory.ForecastManagement;
import com.linli.inventory.PriceSuggestionManagement;
import com.linli.inventory.StockManagement;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseManagement;
import com.linli.shared.Money;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dynamic pricing in the demo city, once its history and forecasts exist (the lead calls {@link #seed} after the
 * forecast run): in each region a few competitor prices around tomorrow's listings (some lower, some higher), one
 * over-delivered batch of the best-selling fresh SKU that expires after two pickup days (a supplier's surplus the
 * warehouse took in), and the price suggestions computed from them, so the pricing page opens with discounts,
 * competitor cuts and raises to accept. Everything goes through inventory's public API; a region that fails is
 * logged and the others still run.
 */
@Component
public class PricingDemo {

	private static final Logger log = LoggerFactory.getLogger(PricingDemo.class);

	private static final Actor DEMO = Actor.system("demo-pricing");

	/** Competitors and their price against ours, in percent, taken in turn over the listings. */
	static final List<String> COMPETITORS = List.of("美团优选", "多多买菜", "兴盛优选", "菜市场");

	static final int[] PERCENT = { 82, 93, 115, 125 };

	/** Listings that get a competitor price. */
	static final int PRICED = 8;

	private final CompetitorPriceManagement competitors;

	private final PriceSuggestionManagement pricing;

	private final ForecastManagement forecasts;

	private final StockManagement stock;

	private final ListingManagement listings;

	private final SkuManagement catalog;

	private final RegionManagement network;

	private final WarehouseManagement warehouses;

	private final Clock clock;

	PricingDemo(CompetitorPriceManagement competitors, PriceSuggestionManagement pricing, ForecastManagement forecasts,
			StockManagement stock, ListingManagement listings, SkuManagement catalog, RegionManagement network,
			WarehouseManagement warehouses, Clock clock) {
		this.competitors = competitors;
		this.pricing = pricing;
		this.forecasts = forecasts;
		this.stock = stock;
		this.listings = listings;
		this.catalog = catalog;
		this.network = network;
		this.warehouses = warehouses;
		this.clock = clock;
	}

	/** Seeds every region of the city; returns the suggestions computed in all. */
	public int seed(LoadedCity city) {
		int made = 0;
		for (RegionId id : city.regions()) {
			try {
				made += seed(network.getRegion(id));
			}
			catch (RuntimeException e) {
				log.warn("Demo city: price suggestions of region {} could not be seeded", id, e);
			}
		}
		log.info("Demo city: {} price suggestion(s) computed", made);
		return made;
	}

	int seed(Region region) {
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		LocalDate first = listings.defaultCutoff(region.id(), today.plusDays(1)).isAfter(clock.instant())
				? today.plusDays(1) : today.plusDays(2);
		List<Listing> open = listings.listingsFor(region.id(), first).stream()
			.filter(l -> l.status() == ListingStatus.ACTIVE && l.isEditableAt(clock.instant()))
			.sorted(Comparator.comparing((Listing l) -> l.id().value()))
			.toList();
		if (open.isEmpty()) {
			return 0;
		}
		for (int i = 0; i < Math.min(PRICED, open.size()); i++) {
			Listing l = open.get(i);
			long fen = Math.max(10, l.groupPrice().fen() * PERCENT[i % PERCENT.length] / 100 / 10 * 10);
			competitors.record(region.id(), l.skuId(), COMPETITORS.get(i % COMPETITORS.size()), Money.ofFen(fen),
					today.minusDays(i % 3), DEMO);
		}
		overDelivery(region, open, first);
		return pricing.compute(region.id(), DEMO).size();
	}

	/** A batch of the best-selling SKU with a shelf life of 3+ days, four days' demand, good for two pickup days. */
	private void overDelivery(Region region, List<Listing> open, LocalDate first) {
		Warehouse central = warehouses.purchasingCentral(region.id()).orElse(null);
		if (central == null) {
			return;
		}
		List<SkuId> skus = open.stream().map(Listing::skuId).distinct().toList();
		Map<SkuId, DemandOutlook> outlooks = forecasts.outlook(region.id(), skus, 7, DEMO);
		Map<SkuId, Sku> known = catalog.skus(skus);
		Listing best = null;
		double bestDaily = 0;
		for (Listing l : open) {
			DemandOutlook o = outlooks.get(l.skuId());
			Sku sku = known.get(l.skuId());
			if (o == null || o.days().isEmpty() || sku == null || sku.shelfLifeDays() < 3) {
				continue;
			}
			double daily = o.totalMean() / o.days().size();
			if (daily > bestDaily) {
				best = l;
				bestDaily = daily;
			}
		}
		if (best == null || bestDaily < 1) {
			return;
		}
		Sku sku = known.get(best.skuId());
		stock.receive(central.id(), sku.id(), (int) Math.ceil(bestDaily * 4), "SURPLUS-" + sku.id().value(),
				first.plusDays(2).minusDays(sku.shelfLifeDays()), "demo-pricing:" + region.id().value() + ":" + sku.id().value(),
				null, best.groupPrice().timesBasisPoints(6_000));
	}
}
