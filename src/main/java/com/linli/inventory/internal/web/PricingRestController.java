package com.linli.inventory.internal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.inventory.CompetitorPrice;
import com.linli.inventory.CompetitorPriceManagement;
import com.linli.inventory.PriceOutcome;
import com.linli.inventory.PriceSuggestion;
import com.linli.inventory.PriceSuggestionManagement;
import com.linli.inventory.PriceSuggestionStatus;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Price suggestions (动态定价) for staff: competitor prices, computing the region's suggestions with their
 * reasoning, accepting (a listing discount or a new group price through marketing) or dismissing one, and the
 * report of what accepted ones did.
 */
@RestController
@RequestMapping("/api/pricing")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "pricing", description = "Price suggestions (动态定价) from stock, shelf life, cost, elasticity and competitor prices")
class PricingRestController {

	private final PriceSuggestionManagement pricing;

	private final CompetitorPriceManagement competitors;

	PricingRestController(PriceSuggestionManagement pricing, CompetitorPriceManagement competitors) {
		this.pricing = pricing;
		this.competitors = competitors;
	}

	record RecordCompetitorPrice(@NotNull Long regionId, @NotNull Long skuId, String competitor, @NotNull Long priceFen,
			@NotNull LocalDate observedOn) {
	}

	record CompetitorPriceView(long id, long regionId, long skuId, String skuName, String competitor, long priceFen,
			LocalDate observedOn, Instant recordedAt) {

		static CompetitorPriceView of(CompetitorPrice p) {
			return new CompetitorPriceView(p.id(), p.regionId().value(), p.skuId().value(), p.skuName(), p.competitor(),
					p.price().fen(), p.observedOn(), p.recordedAt());
		}
	}

	record SuggestionView(long id, long regionId, long listingId, long skuId, String skuName, LocalDate pickupDate,
			String kind, String reason, String status, long currentPriceFen, long suggestedPriceFen, Long unitCostFen,
			long available, double dailyDemand, Double coverDays, Integer shelfDays, double elasticity,
			String elasticitySource, Double promotionLift, Double promotionRatio, Long competitorLowFen,
			int horizonDays, LocalDate riskUntil, double soldNow, double wasteNow, double soldNew, double wasteNew,
			Long marginNowFen, Long marginNewFen, Instant createdAt, Instant decidedAt, Long discountId) {

		static SuggestionView of(PriceSuggestion s) {
			return new SuggestionView(s.id(), s.regionId().value(), s.listingId().value(), s.skuId().value(), s.skuName(),
					s.pickupDate(), s.kind().name(), s.reason().name(), s.status().name(), s.currentPrice().fen(),
					s.suggestedPrice().fen(), fen(s.unitCost()), s.available(), round(s.dailyDemand()), s.coverDays(),
					s.shelfDays(), s.elasticity(), s.elasticityMeasured() ? "MEASURED" : "DEFAULT", s.promotionLift(),
					s.promotionRatio(), fen(s.competitorLow()), s.horizonDays(), s.riskUntil(), round(s.soldNow()),
					round(s.wasteNow()), round(s.soldNew()), round(s.wasteNew()), fen(s.marginNow()), fen(s.marginNew()),
					s.createdAt(), s.decidedAt(), s.discountId());
		}
	}

	record OutcomeView(SuggestionView suggestion, long unitsSold, Long marginFen, double wasteExpected, long wasted,
			double wasteAvoided, boolean wasteFinal) {

		static OutcomeView of(PriceOutcome o) {
			return new OutcomeView(SuggestionView.of(o.suggestion()), o.unitsSold(), fen(o.margin()),
					round(o.wasteExpected()), o.wasted(), round(o.wasteAvoided()), o.wasteFinal());
		}
	}

	static Long fen(Money m) {
		return m == null ? null : m.fen();
	}

	static double round(double v) {
		return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	@GetMapping("/regions/{regionId}/competitor-prices")
	@Operation(summary = "The competitor prices recorded in a region, latest first")
	List<CompetitorPriceView> competitorPrices(@PathVariable long regionId, Actor actor) {
		return competitors.list(new RegionId(regionId), actor).stream().map(CompetitorPriceView::of).toList();
	}

	@PostMapping("/competitor-prices")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a competitor's price of a SKU in a region on a day")
	CompetitorPriceView recordCompetitorPrice(@Valid @RequestBody RecordCompetitorPrice request, Actor actor) {
		return CompetitorPriceView.of(competitors.record(new RegionId(request.regionId()), new SkuId(request.skuId()),
				request.competitor(), Money.ofFen(request.priceFen()), request.observedOn(), actor));
	}

	@DeleteMapping("/competitor-prices/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a recorded competitor price")
	void deleteCompetitorPrice(@PathVariable long id, Actor actor) {
		competitors.delete(id, actor);
	}

	@PostMapping("/regions/{regionId}/price-suggestions")
	@Operation(summary = "Compute the price suggestions of the region's listings of the next pickup days (earlier open "
			+ "ones expire); each carries its reasoning")
	List<SuggestionView> compute(@PathVariable long regionId, Actor actor) {
		return pricing.compute(new RegionId(regionId), actor).stream().map(SuggestionView::of).toList();
	}

	@GetMapping("/regions/{regionId}/price-suggestions")
	@Operation(summary = "The region's price suggestions in a status (PROPOSED by default), newest first")
	List<SuggestionView> suggestions(@PathVariable long regionId,
			@RequestParam(required = false) PriceSuggestionStatus status, Actor actor) {
		return pricing.list(new RegionId(regionId), status, actor).stream().map(SuggestionView::of).toList();
	}

	@GetMapping("/price-suggestions/{id}")
	@Operation(summary = "One price suggestion with its reasoning")
	SuggestionView suggestion(@PathVariable long id, Actor actor) {
		return SuggestionView.of(pricing.get(id, actor));
	}

	@PostMapping("/price-suggestions/{id}/accept")
	@Operation(summary = "Accept a proposed suggestion: a discount becomes a listing discount, a raise the listing's "
			+ "group price (through marketing); accepting again is 409")
	SuggestionView accept(@PathVariable long id, Actor actor) {
		return SuggestionView.of(pricing.accept(id, actor));
	}

	@PostMapping("/price-suggestions/{id}/dismiss")
	@Operation(summary = "Dismiss a proposed suggestion")
	SuggestionView dismiss(@PathVariable long id, Actor actor) {
		return SuggestionView.of(pricing.dismiss(id, actor));
	}

	@GetMapping("/regions/{regionId}/report")
	@Operation(summary = "What the region's accepted suggestions did: units sold at the new price, margin, waste avoided")
	List<OutcomeView> report(@PathVariable long regionId, Actor actor) {
		return pricing.report(new RegionId(regionId), actor).stream().map(OutcomeView::of).toList();
	}
}
