package com.linli.leader.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.linli.catalog.CategoryId;
import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.leader.CategoryRate;
import com.linli.leader.CommissionBand;
import com.linli.leader.CommissionEntry;
import com.linli.leader.CommissionManagement;
import com.linli.leader.CommissionScheme;
import com.linli.leader.CommissionSummary;
import com.linli.leader.Leader;
import com.linli.leader.LeaderManagement;
import com.linli.leader.MonthTotal;
import com.linli.leader.MonthlyCommission;
import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Page;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commission through the API: the leader's month and ledger (leader app), the schemes per region and
 * the leaders' monthly commission (staff, in their regions).
 */
@RestController
@Validated
@Tag(name = "commission", description = "Leader commission: tiered schemes and ledgers")
class CommissionRestController {

	private final CommissionManagement commission;

	private final LeaderManagement leaders;

	private final Clock clock;

	CommissionRestController(CommissionManagement commission, LeaderManagement leaders, Clock clock) {
		this.commission = commission;
		this.leaders = leaders;
		this.clock = clock;
	}

	@GetMapping("/api/leader/commission")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's commission month (default: this month), band progress, last six months and ledger entries with running balance")
	LeaderCommission mine(@Parameter(description = "yyyy-MM") @RequestParam(required = false) String month,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		Leader leader = leaders.leaderFor(CurrentUser.require().id())
			.orElseThrow(() -> new AccessDeniedException("not a leader"));
		YearMonth shown = Months.parse(month, commission.currentMonth(leader.regionId()));
		var statement = commission.statement(leader.id(), shown, page, size);
		var entries = statement.entries();
		return new LeaderCommission(leader.id().value(), leader.name(), SummaryView.of(statement.summary()),
				SchemeView.of(statement.summary().scheme(), leader.regionId(), true, commission.categoryNames()),
				statement.months().stream().map(MonthView::of).toList(),
				new Page<>(entries.items().stream().map(EntryView::of).toList(), entries.total(), entries.page(),
						entries.size()));
	}

	@GetMapping("/api/commission/schemes/{regionId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The commission scheme in force in a region ('default': the default scheme); inherited=true when the region uses the default")
	SchemeView scheme(@PathVariable String regionId) {
		RegionId region = region(regionId);
		if (region == null) {
			return SchemeView.of(commission.defaultScheme(), null, false, commission.categoryNames());
		}
		Scopes.check(region);
		var own = commission.ownScheme(region);
		return SchemeView.of(own.orElseGet(commission::defaultScheme), region, own.isEmpty(),
				commission.categoryNames());
	}

	@PutMapping("/api/commission/schemes/{regionId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Set a region's commission scheme ('default': the default scheme, admins only)",
			description = "Bands: 1 to 10, the first from 0 fen, floors ascending, rates 0 to 5000 basis points and not lower than the band below. Overrides: one per existing category, 0 to 5000 basis points.")
	SchemeView saveScheme(Actor actor, @PathVariable String regionId, @Valid @RequestBody SchemeRequest request) {
		RegionId region = region(regionId);
		var saved = commission.saveScheme(actor, region,
				request.bands().stream().map(b -> new CommissionBand(Money.ofFen(b.floorFen()), b.rateBasisPoints()))
					.toList(),
				request.overrides() == null ? List.of()
						: request.overrides().stream()
							.map(o -> new CategoryRate(new CategoryId(o.categoryId()), o.rateBasisPoints()))
							.toList());
		return SchemeView.of(saved, region, false, commission.categoryNames());
	}

	@DeleteMapping("/api/commission/schemes/{regionId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The region goes back to the default scheme")
	ResponseEntity<Void> useDefault(Actor actor, @PathVariable String regionId) {
		RegionId region = region(regionId);
		if (region == null) {
			throw new InvalidInputException("regionId", Text.of("leader.problem.defaultSchemeCannotRemoved"));
		}
		commission.useDefaultScheme(actor, region);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/commission/leaders")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Leaders of the caller's regions with their commission month (default: this month), highest first")
	Page<MonthlyView> monthly(@RequestParam(required = false) Long regionId,
			@Parameter(description = "yyyy-MM") @RequestParam(required = false) String month,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		var regions = Scopes.listRegions(regionId);
		YearMonth shown = Months.parse(month, YearMonth.now(clock));
		var found = commission.monthly(regions, shown, q, page, size);
		return new Page<>(found.items().stream().map(MonthlyView::of).toList(), found.total(), found.page(),
				found.size());
	}

	/** "default" or a region id. */
	private static RegionId region(String regionId) {
		if ("default".equals(regionId)) {
			return null;
		}
		try {
			return new RegionId(Long.parseLong(regionId));
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("regionId", Text.of("leader.problem.regionIdDefault"));
		}
	}

	record SchemeRequest(@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull BandRequest> bands,
			@Size(max = 100) List<@Valid @NotNull OverrideRequest> overrides) {
	}

	record BandRequest(@NotNull @Min(0) @Max(100_000_000_000L) Long floorFen,
			@NotNull @Min(0) @Max(5000) Integer rateBasisPoints) {
	}

	record OverrideRequest(@NotNull Long categoryId, @NotNull @Min(0) @Max(5000) Integer rateBasisPoints) {
	}

	record SchemeView(Long regionId, boolean isDefault, boolean inherited, List<BandView> bands,
			List<OverrideView> overrides, Instant updatedAt) {

		static SchemeView of(CommissionScheme s, RegionId region, boolean inherited, Map<CategoryId, String> names) {
			return new SchemeView(region == null ? null : region.value(), region == null, inherited,
					s.bands().stream().map(BandView::of).toList(),
					s.overrides().stream()
						.map(o -> new OverrideView(o.categoryId().value(), names.get(o.categoryId()), o.rateBasisPoints()))
						.toList(),
					s.updatedAt());
		}
	}

	record BandView(long floorFen, int rateBasisPoints) {

		static BandView of(CommissionBand b) {
			return b == null ? null : new BandView(b.floor().fen(), b.rateBasisPoints());
		}
	}

	record OverrideView(long categoryId, String categoryName, int rateBasisPoints) {
	}

	record LeaderCommission(long leaderId, String name, SummaryView month, SchemeView scheme, List<MonthView> months,
			Page<EntryView> entries) {
	}

	record SummaryView(YearMonth month, long salesFen, BandView band, BandView nextBand, long toNextBandFen,
			long accruedFen, long reversedFen, long netFen, long balanceFen) {

		static SummaryView of(CommissionSummary s) {
			return new SummaryView(s.month(), s.sales().fen(), BandView.of(s.band()), BandView.of(s.nextBand()),
					s.toNextBand().fen(), s.accrued().fen(), s.reversed().fen(), s.net().fen(), s.balance().fen());
		}
	}

	record MonthView(YearMonth month, long salesFen, long accruedFen, long reversedFen, long netFen) {

		static MonthView of(MonthTotal t) {
			return new MonthView(t.month(), t.sales().fen(), t.accrued().fen(), t.reversed().fen(), t.net().fen());
		}
	}

	record EntryView(long id, String kind, long orderId, String orderNo, long orderLineId, String skuName,
			int quantity, long baseFen, int rateBasisPoints, String rateSource, Long monthSalesFen, long amountFen,
			long balanceAfterFen, Instant occurredAt) {

		static EntryView of(CommissionEntry e) {
			return new EntryView(e.id(), e.kind().name(), e.orderId().value(), e.orderNo(), e.lineId().value(),
					e.skuName(), e.quantity(), e.base().fen(), e.rateBasisPoints(), e.rateSource().name(),
					e.monthSales() == null ? null : e.monthSales().fen(), e.amount().fen(), e.balanceAfter().fen(),
					e.occurredAt());
		}
	}

	record MonthlyView(long leaderId, String name, String phone, long pickupPointId, long regionId, String status,
			YearMonth month, long salesFen, int bandRateBasisPoints, long accruedFen, long reversedFen, long netFen,
			long balanceFen) {

		static MonthlyView of(MonthlyCommission m) {
			var l = m.leader();
			return new MonthlyView(l.id().value(), l.name(), l.phone(), l.pickupPointId().value(), l.regionId().value(),
					l.status().name(), m.month(), m.sales().fen(), m.bandRateBasisPoints(), m.accrued().fen(),
					m.reversed().fen(), m.net().fen(), m.balance().fen());
		}
	}
}
