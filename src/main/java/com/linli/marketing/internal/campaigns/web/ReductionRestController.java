package com.linli.marketing.internal.campaigns.web;

import java.time.Instant;
import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.identity.Actor;
import com.linli.marketing.CampaignId;
import com.linli.marketing.ListingDiscount;
import com.linli.marketing.ListingId;
import com.linli.marketing.NewListingDiscount;
import com.linli.marketing.NewReduction;
import com.linli.marketing.Reduction;
import com.linli.marketing.ReductionManagement;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators create and stop full reductions (满减) and listing discounts (限时特价) in their regions or campaigns. */
@RestController
@RequestMapping("/api/admin/marketing")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "reductions", description = "满减 and listing discounts (operators)")
class ReductionRestController {

	private final ReductionManagement reductions;

	ReductionRestController(ReductionManagement reductions) {
		this.reductions = reductions;
	}

	@PostMapping("/reductions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a full reduction", description = "Tiers (1–5): thresholds distinct, each amount below "
			+ "its threshold, a higher threshold never gives less. With campaignId: the campaign's region and (by "
			+ "default) dates, paid from its budget. categoryId: only that category's lines (else the whole order).")
	ReductionView create(Actor actor, @Valid @RequestBody CreateReduction request) {
		return ReductionView.of(CampaignRestController.apiFields(() -> reductions.create(actor, new NewReduction(
				request.regionId() == null ? null : new RegionId(request.regionId()),
				request.campaignId() == null ? null : new CampaignId(request.campaignId()),
				request.categoryId() == null ? null : new CategoryId(request.categoryId()), request.name(),
				request.tiers().stream().map(t -> new Reduction.Tier(Money.ofFen(t.thresholdFen()), Money.ofFen(t.amountFen())))
					.toList(),
				request.startsAt(), request.endsAt()))));
	}

	@GetMapping("/reductions")
	@Operation(summary = "The full reductions of the operator's regions (or of one)")
	List<ReductionView> list(Actor actor, @RequestParam(required = false) Long regionId) {
		return reductions.list(actor, regionId).stream().map(ReductionView::of).toList();
	}

	@PostMapping("/reductions/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop a full reduction now")
	void deactivate(Actor actor, @PathVariable long id) {
		reductions.deactivate(actor, id);
	}

	@PostMapping("/listing-discounts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Put a promotional price on a listing", description = "Above zero and below the group price; "
			+ "dates default to the campaign's, else the listing's sales window.")
	DiscountView discount(Actor actor, @Valid @RequestBody CreateDiscount request) {
		return DiscountView.of(CampaignRestController.apiFields(() -> reductions.discount(actor, new NewListingDiscount(
				new ListingId(request.listingId()), request.campaignId() == null ? null : new CampaignId(request.campaignId()),
				Money.ofFen(request.priceFen()), request.startsAt(), request.endsAt()))));
	}

	@GetMapping("/listing-discounts")
	@Operation(summary = "The listing discounts of the operator's regions (or of one)")
	List<DiscountView> discounts(Actor actor, @RequestParam(required = false) Long regionId) {
		return reductions.discounts(actor, regionId).stream().map(DiscountView::of).toList();
	}

	@PostMapping("/listing-discounts/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop a listing discount now")
	void deactivateDiscount(Actor actor, @PathVariable long id) {
		reductions.deactivateDiscount(actor, id);
	}

	record TierBody(@NotNull @Positive Long thresholdFen, @NotNull @Positive Long amountFen) {
	}

	record CreateReduction(Long regionId, Long campaignId, Long categoryId, @NotBlank @Size(max = 60) String name,
			@NotEmpty @Size(max = 5) List<@Valid @NotNull TierBody> tiers, Instant startsAt, Instant endsAt) {
	}

	record CreateDiscount(@NotNull Long listingId, Long campaignId, @NotNull @Positive Long priceFen, Instant startsAt,
			Instant endsAt) {
	}

	record ReductionView(long id, long regionId, Long campaignId, Long categoryId, String name, List<TierBody> tiers,
			String tiersText, Instant startsAt, Instant endsAt, boolean active) {

		static ReductionView of(Reduction r) {
			return new ReductionView(r.id(), r.regionId().value(), r.campaignId() == null ? null : r.campaignId().value(),
					r.categoryId() == null ? null : r.categoryId().value(), r.name(),
					r.tiers().stream().map(t -> new TierBody(t.threshold().fen(), t.amount().fen())).toList(), r.tiersText(),
					r.startsAt(), r.endsAt(), r.active());
		}
	}

	record DiscountView(long id, long regionId, long listingId, Long campaignId, long priceFen, Instant startsAt, Instant endsAt,
			boolean active) {

		static DiscountView of(ListingDiscount d) {
			return new DiscountView(d.id(), d.regionId().value(), d.listingId().value(),
					d.campaignId() == null ? null : d.campaignId().value(), d.price().fen(), d.startsAt(), d.endsAt(), d.active());
		}
	}
}
