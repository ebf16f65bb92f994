package com.linli.marketing.internal.campaigns.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import com.linli.identity.Actor;
import com.linli.marketing.Campaign;
import com.linli.marketing.CampaignId;
import com.linli.marketing.CampaignManagement;
import com.linli.marketing.CampaignReport;
import com.linli.marketing.Festival;
import com.linli.marketing.NewCampaign;
import com.linli.marketing.ReductionManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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

/** Operators run the campaign calendar of their regions: create, schedule, start, end, cancel, report. */
@RestController
@RequestMapping("/api/admin/marketing/campaigns")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "campaigns", description = "活动日历: holiday campaigns with phases and a budget (operators)")
class CampaignRestController {

	private final CampaignManagement campaigns;

	private final ReductionManagement reductions;

	private final RegionManagement network;

	private final Clock clock;

	CampaignRestController(CampaignManagement campaigns, ReductionManagement reductions, RegionManagement network, Clock clock) {
		this.campaigns = campaigns;
		this.reductions = reductions;
		this.network = network;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a draft campaign", description = "Phases default to 7 / 3 / 5 days (warm-up, peak, long "
			+ "tail) from startsOn, midnight in the region's zone. 400 names the field; 403 outside the operator's regions.")
	CampaignView create(Actor actor, @Valid @RequestBody CreateCampaign request) {
		Campaign c = apiFields(() -> campaigns.create(actor, new NewCampaign(new RegionId(request.regionId()), request.name(),
				request.festival(), request.startsOn(), request.warmupDays(), request.peakDays(), request.tailDays(),
				Money.ofFen(request.budgetFen()))));
		return view(c);
	}

	@GetMapping
	@Operation(summary = "The campaigns of the operator's regions (or of one), latest first")
	List<CampaignView> list(Actor actor, @RequestParam(required = false) Long regionId) {
		return campaigns.list(actor, regionId).stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One campaign with its promotions")
	CampaignView get(Actor actor, @PathVariable long id) {
		return view(campaigns.get(actor, new CampaignId(id)));
	}

	@PostMapping("/{id}/schedule")
	@Operation(summary = "Schedule a draft", description = "409 campaign-illegal-transition from another status.")
	CampaignView schedule(Actor actor, @PathVariable long id) {
		return view(campaigns.schedule(actor, new CampaignId(id)));
	}

	@PostMapping("/{id}/start")
	@Operation(summary = "Start a scheduled campaign on or after its first day (the clock does it every minute)")
	CampaignView start(Actor actor, @PathVariable long id) {
		return view(campaigns.start(actor, new CampaignId(id)));
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "End a running campaign now: its promotions stop at once")
	CampaignView end(Actor actor, @PathVariable long id) {
		return view(campaigns.end(actor, new CampaignId(id)));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a draft or scheduled campaign")
	CampaignView cancel(Actor actor, @PathVariable long id) {
		return view(campaigns.cancel(actor, new CampaignId(id)));
	}

	@PostMapping("/{id}/coupon-templates")
	@Operation(summary = "Group a coupon template (by id) under the campaign")
	CampaignView addCouponTemplate(Actor actor, @PathVariable long id, @Valid @RequestBody CouponTemplate request) {
		campaigns.addCouponTemplate(actor, new CampaignId(id), request.couponTemplateId());
		return view(campaigns.get(actor, new CampaignId(id)));
	}

	@GetMapping("/{id}/report")
	@Operation(summary = "The campaign's report, day by day", description = "From marketing's own record of the orders "
			+ "that carried one of its discounts, paid and not cancelled: GMV (paid), orders, new residents (first paid "
			+ "order), discount cost (its discounts on them), ROI = GMV / discount cost.")
	ReportView report(Actor actor, @PathVariable long id) {
		return ReportView.of(campaigns.report(actor, new CampaignId(id)));
	}

	private CampaignView view(Campaign c) {
		var zone = network.getRegion(c.regionId()).zone();
		Instant now = clock.instant();
		return new CampaignView(c.id().value(), c.regionId().value(), c.name(), c.festival(), c.startsOn(), c.endsOn(),
				c.warmupDays(), c.peakDays(), c.tailDays(), c.startsAt(), c.endsAt(), c.status().name(),
				c.phaseAt(now, zone).map(Enum::name).orElse(null), c.budget().fen(), c.spent().fen(), c.remaining().fen(),
				campaigns.couponTemplates(c.id()),
				reductions.ofCampaign(c.id()).stream().map(r -> new PromotionView(r.id(), r.name(), r.tiersText(),
						r.categoryId() == null ? null : r.categoryId().value(), null, null, r.active())).toList(),
				reductions.discountsOf(c.id()).stream().map(d -> new PromotionView(d.id(), null, null, null,
						d.listingId().value(), d.price().fen(), d.active())).toList());
	}

	/** The service names money as the domain does; the API as ...Fen. */
	static <T> T apiFields(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (InvalidInputException e) {
			if (List.of("budget", "price", "threshold").contains(e.field())) {
				throw new InvalidInputException(e.field() + "Fen", e.text());
			}
			throw e;
		}
	}

	record CreateCampaign(@NotNull Long regionId, @NotBlank @Size(max = 60) String name, @NotNull Festival festival,
			@NotNull LocalDate startsOn, @Min(0) @Max(60) Integer warmupDays, @Min(1) @Max(60) Integer peakDays,
			@Min(0) @Max(60) Integer tailDays, @NotNull @Positive Long budgetFen) {
	}

	record CouponTemplate(@NotNull @Positive Long couponTemplateId) {
	}

	/** A campaign as the API returns it; money in fen; phase today in the region (null outside its dates). */
	record CampaignView(long id, long regionId, String name, Festival festival, LocalDate startsOn, LocalDate endsOn,
			int warmupDays, int peakDays, int tailDays, Instant startsAt, Instant endsAt, String status, String phase,
			long budgetFen, long spentFen, long remainingFen, List<Long> couponTemplateIds, List<PromotionView> reductions,
			List<PromotionView> discounts) {
	}

	record PromotionView(long id, String name, String tiers, Long categoryId, Long listingId, Long priceFen, boolean active) {
	}

	record FiguresView(long orders, long gmvFen, long newResidents, long discountCostFen, BigDecimal roi) {

		static FiguresView of(CampaignReport.Figures f) {
			return new FiguresView(f.orders(), f.gmv().fen(), f.newResidents(), f.discountCost().fen(), f.roi());
		}
	}

	record DayView(LocalDate day, FiguresView figures) {
	}

	record ReportView(long campaignId, List<DayView> days, FiguresView total) {

		static ReportView of(CampaignReport r) {
			return new ReportView(r.campaign().id().value(),
					r.days().stream().map(d -> new DayView(d.day(), FiguresView.of(d.figures()))).toList(),
					FiguresView.of(r.total()));
		}
	}

}
