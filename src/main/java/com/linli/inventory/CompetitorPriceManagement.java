package com.linli.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.inventory.internal.pricing.CompetitorPrices;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competitor prices (竞品价格) the operators record per region and SKU: the price suggestions never go far above
 * the lowest one seen in the last {@value #RECENT_DAYS} days. Staff see and change only their regions' prices.
 */
@Service
@Transactional(readOnly = true)
public class CompetitorPriceManagement {

	/** How long an observed price counts. */
	public static final int RECENT_DAYS = 14;

	static final long MAX_PRICE_FEN = 100_000_000;

	static final int MAX_NAME = 60;

	private final CompetitorPrices prices;

	private final RegionManagement network;

	private final SkuManagement catalog;

	private final Clock clock;

	CompetitorPriceManagement(CompetitorPrices prices, RegionManagement network, SkuManagement catalog, Clock clock) {
		this.prices = prices;
		this.network = network;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Records a price seen at a competitor: a name, a price above zero, a day within the last year and not ahead. */
	@Transactional
	public CompetitorPrice record(RegionId regionId, SkuId skuId, String competitor, Money price, LocalDate observedOn,
			Actor actor) {
		Region region = PriceSuggestionManagement.region(network, regionId, actor);
		if (skuId == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.chooseSku"));
		}
		Sku sku = catalog.skus(List.of(skuId)).get(skuId);
		if (sku == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.unknownSku", skuId));
		}
		String name = competitor == null ? "" : competitor.strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			throw new InvalidInputException("competitor", Text.of("inventory.pricing.problem.competitorName", MAX_NAME));
		}
		if (price == null || price.fen() <= 0 || price.fen() > MAX_PRICE_FEN) {
			throw new InvalidInputException("priceFen", Text.of("inventory.pricing.problem.price"));
		}
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		if (observedOn == null || observedOn.isAfter(today) || observedOn.isBefore(today.minusYears(1))) {
			throw new InvalidInputException("observedOn", Text.of("inventory.pricing.problem.observedOn"));
		}
		long id = prices.insert(region.id(), skuId, name, price, observedOn, actor.accountIdOrNull(), clock.instant());
		return named(prices.find(id).orElseThrow(), Map.of(skuId, sku));
	}

	/** The region's recorded prices, latest first. */
	public List<CompetitorPrice> list(RegionId regionId, Actor actor) {
		Region region = PriceSuggestionManagement.region(network, regionId, actor);
		List<CompetitorPrice> found = prices.of(region.id());
		Map<SkuId, Sku> skus = catalog.skus(found.stream().map(CompetitorPrice::skuId).distinct().toList());
		return found.stream().map(p -> named(p, skus)).toList();
	}

	/** Deletes a recorded price (a typo); another region's is 404 as if it did not exist. */
	@Transactional
	public void delete(long id, Actor actor) {
		CompetitorPrice p = prices.find(id).orElseThrow(() -> new NotFoundException("competitor price", id));
		if (!actor.worksIn(p.regionId().value())) {
			throw new NotFoundException("competitor price", id);
		}
		prices.delete(id);
	}

	private static CompetitorPrice named(CompetitorPrice p, Map<SkuId, Sku> skus) {
		Sku sku = skus.get(p.skuId());
		return new CompetitorPrice(p.id(), p.regionId(), p.skuId(), sku == null ? null : sku.displayName(), p.competitor(),
				p.price(), p.observedOn(), p.recordedBy(), p.recordedAt());
	}
}
