package com.linli.leader.internal.levels.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.leader.CommissionBand;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderLevel;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LevelManagement;
import com.linli.leader.LevelRecord;
import com.linli.leader.LevelStanding;
import com.linli.leader.LevelThreshold;
import com.linli.leader.Penalty;
import com.linli.leader.PenaltyId;
import com.linli.leader.PenaltyKind;
import com.linli.leader.PenaltyManagement;
import com.linli.leader.PenaltyRules;
import com.linli.leader.PenaltyStatus;
import com.linli.leader.Reassignment;
import com.linli.leader.ReassignmentManagement;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Page;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Levels, penalties and moving residents or orders to another leader (更换团长) through the API. Bodies are checked
 * by the services after the caller's region (so a stranger learns nothing from a 400), each naming the wrong field.
 */
@RestController
@Validated
@Tag(name = "leader-levels", description = "Leader levels (团长等级) with their commission bands, penalties, and moving residents or orders to another leader (更换团长)")
class LevelsRestController {

	private static final String STAFF = "hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')";

	private final LevelManagement levels;

	private final PenaltyManagement penalties;

	private final ReassignmentManagement moves;

	private final LeaderManagement leaders;

	private final java.time.Clock clock;

	LevelsRestController(LevelManagement levels, PenaltyManagement penalties, ReassignmentManagement moves,
			LeaderManagement leaders, java.time.Clock clock) {
		this.clock = clock;
		this.levels = levels;
		this.penalties = penalties;
		this.moves = moves;
		this.leaders = leaders;
	}

	// ---- the leader -----------------------------------------------------------------------------------------

	@GetMapping("/api/leader/level")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's level, what the next level asks for, and their penalties in force or proposed")
	Mine mine(Actor actor) {
		var leader = leaders.leaderFor(actor.requireAccount()).orElseThrow(() -> new AccessDeniedException("not a leader"));
		return new Mine(StandingView.of(levels.standing(leader.id())),
				penalties.mine(actor).stream().map(PenaltyView::of).toList());
	}

	// ---- levels -----------------------------------------------------------------------------------------------

	@GetMapping("/api/admin/leaders/{id}/level")
	@PreAuthorize(STAFF)
	@Operation(summary = "A leader's level now, the next level's threshold, and the level history (month, level, figures)")
	LeaderLevelView level(Actor actor, @PathVariable long id) {
		var history = levels.history(actor, new LeaderId(id));
		return new LeaderLevelView(StandingView.of(levels.standing(new LeaderId(id))),
				history.stream().map(RecordView::of).toList());
	}

	@GetMapping("/api/admin/leader-levels/{regionId}")
	@PreAuthorize(STAFF)
	@Operation(summary = "A region's level thresholds (its own, else the defaults) and each level's own commission bands")
	RegionLevels regionLevels(Actor actor, @PathVariable long regionId) {
		var region = new RegionId(regionId);
		var thresholds = levels.thresholds(actor, region).stream().map(ThresholdView::of).toList();
		var bands = java.util.Arrays.stream(LeaderLevel.values())
			.map(l -> new LevelBands(l, levels.bands(actor, region, l).stream().map(BandView::of).toList())).toList();
		return new RegionLevels(regionId, thresholds, bands);
	}

	@PutMapping("/api/admin/leader-levels/{regionId}/thresholds")
	@PreAuthorize(STAFF)
	@Operation(summary = "Set a region's level thresholds: every level once from TRAINEE at 0, sales strictly rising, ratings 0-5 never falling (400 naming the field; nothing changes)")
	List<ThresholdView> saveThresholds(Actor actor, @PathVariable long regionId, @RequestBody Thresholds body) {
		List<ThresholdView> rows = body == null || body.thresholds() == null ? null : body.thresholds();
		// the region first: a stranger gets 403 whatever the body
		levels.thresholds(actor, new RegionId(regionId));
		List<LevelThreshold> table = rows == null ? null : rows.stream().map(ThresholdView::toThreshold).toList();
		return levels.saveThresholds(actor, new RegionId(regionId), table).stream().map(ThresholdView::of).toList();
	}

	@PutMapping("/api/admin/leader-levels/{regionId}/bands")
	@PreAuthorize(STAFF)
	@Operation(summary = "Set one level's own commission bands in a region (validated as a scheme's bands); no bands: the level earns by the region's scheme")
	List<BandView> saveBands(Actor actor, @PathVariable long regionId, @RequestBody LevelBands body) {
		levels.thresholds(actor, new RegionId(regionId));
		if (body == null || body.level() == null) {
			throw new InvalidInputException("level", Text.of("leader.problem.required"));
		}
		List<CommissionBand> bands = body.bands() == null ? List.of()
				: body.bands().stream().map(b -> b == null ? null : new CommissionBand(
						b.floorFen() == null ? null : Money.ofFen(b.floorFen()), b.rateBasisPoints())).toList();
		return levels.saveBands(actor, new RegionId(regionId), body.level(), bands).stream().map(BandView::of).toList();
	}

	@PostMapping("/api/admin/leader-levels/{regionId}/recompute")
	@PreAuthorize(STAFF)
	@Operation(summary = "Recompute the levels of a month (default this month; at most next month) for the region's leaders; rerun-safe")
	LevelManagement.Recomputed recompute(Actor actor, @PathVariable long regionId,
			@RequestParam(required = false) YearMonth month) {
		return levels.recompute(actor, new RegionId(regionId), month);
	}

	// ---- penalties --------------------------------------------------------------------------------------------

	@GetMapping("/api/admin/leader-penalties")
	@PreAuthorize(STAFF)
	@Operation(summary = "Penalties of the caller's regions (one region: 403 unless theirs), newest first")
	Page<PenaltyView> penalties(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) PenaltyStatus status, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		var found = penalties.list(actor, regionId, status, page, size);
		return new Page<>(found.items().stream().map(l -> PenaltyView.of(l.penalty(), l.leaderName())).toList(),
				found.total(), found.page(), found.size());
	}

	@GetMapping("/api/admin/leaders/{id}/penalties")
	@PreAuthorize(STAFF)
	@Operation(summary = "A leader's penalties, newest first")
	List<PenaltyView> ofLeader(Actor actor, @PathVariable long id) {
		return penalties.ofLeader(actor, new LeaderId(id)).stream().map(PenaltyView::of).toList();
	}

	@PostMapping("/api/admin/leaders/{id}/penalties")
	@PreAuthorize(STAFF)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Impose a penalty at once with a reason: WARNING (the leader is told), LOWER_BAND (30 days), SUSPENSION (the leader is suspended and their residents moved; 409 when not active)")
	PenaltyView impose(Actor actor, @PathVariable long id, @RequestBody Imposition body) {
		// the leader's region first
		penalties.ofLeader(actor, new LeaderId(id));
		if (body == null || body.kind() == null) {
			throw new InvalidInputException("kind", Text.of("leader.problem.required"));
		}
		return PenaltyView.of(penalties.impose(actor, new LeaderId(id), body.kind(), body.reason()));
	}

	@PostMapping("/api/admin/leader-penalties/{id}/confirm")
	@PreAuthorize(STAFF)
	@Operation(summary = "Confirm a proposed penalty: it takes effect now (409 when it is not proposed)")
	PenaltyView confirm(Actor actor, @PathVariable long id) {
		return PenaltyView.of(penalties.confirm(actor, new PenaltyId(id)));
	}

	@PostMapping("/api/admin/leader-penalties/{id}/revoke")
	@PreAuthorize(STAFF)
	@Operation(summary = "Revoke a proposed or active penalty with a reason (a suspension's leader stays suspended until reactivated)")
	PenaltyView revoke(Actor actor, @PathVariable long id, @RequestBody(required = false) Revocation body) {
		return PenaltyView.of(penalties.revoke(actor, new PenaltyId(id), body == null ? null : body.reason()));
	}

	@PostMapping("/api/admin/leader-penalties/evaluate/{regionId}")
	@PreAuthorize(STAFF)
	@Operation(summary = "Run the penalty rules now for the caller's regions (the nightly round; rerun-safe)")
	PenaltyManagement.Evaluation evaluate(Actor actor, @PathVariable long regionId) {
		penalties.rules(actor, new RegionId(regionId));
		return penalties.evaluate(actor, Instant.now(clock));
	}

	@GetMapping("/api/admin/leader-penalties/rules/{regionId}")
	@PreAuthorize(STAFF)
	@Operation(summary = "A region's penalty rules (its own, else the defaults)")
	PenaltyRules rules(Actor actor, @PathVariable long regionId) {
		return penalties.rules(actor, new RegionId(regionId));
	}

	@PutMapping("/api/admin/leader-penalties/rules/{regionId}")
	@PreAuthorize(STAFF)
	@Operation(summary = "Set a region's penalty rules (each within its range, 400 naming the field)")
	PenaltyRules saveRules(Actor actor, @PathVariable long regionId, @RequestBody RulesBody body) {
		penalties.rules(actor, new RegionId(regionId));
		if (body == null) {
			throw new InvalidInputException("inactiveDays", Text.of("leader.problem.required"));
		}
		return penalties.saveRules(actor, new RegionId(regionId), new PenaltyRules(orNone(body.inactiveDays()),
				orNone(body.lateReceipts()), orNone(body.complaintRateBasisPoints()), orNone(body.minOrdersForRate()),
				orNone(body.lowerBandReductionBasisPoints())));
	}

	// ---- 更换团长 ----------------------------------------------------------------------------------------------

	@PostMapping("/api/admin/residents/{id}/leader-change")
	@PreAuthorize(STAFF)
	@Operation(summary = "Move a resident to another pickup point (leader) of the same region with a reason; the resident is told by SMS (409 closed point / other region / same point)")
	Reassignment moveResident(Actor actor, @PathVariable long id, @RequestBody Move body) {
		return moves.moveResident(actor, new AccountId(id), body == null ? null : point(body), body == null ? null : body.reason());
	}

	@PostMapping("/api/admin/orders/{id}/leader-change")
	@PreAuthorize(STAFF)
	@Operation(summary = "Move an open order not yet cut off to another pickup point (leader) of its region with a reason; the resident is told; the commission goes to the leader where it is picked up")
	OrderMoved moveOrder(Actor actor, @PathVariable long id, @RequestBody Move body) {
		var order = moves.moveOrder(actor, new OrderId(id), body == null ? null : point(body),
				body == null ? null : body.reason());
		return new OrderMoved(order.id().value(), order.orderNo(), order.pickupPointId().value(), order.status().name());
	}

	@GetMapping("/api/admin/leader-reassignments")
	@PreAuthorize(STAFF)
	@Operation(summary = "Residents and orders moved (by suspensions and operators) of a leader's point or of the caller's regions, newest first")
	List<Reassignment> reassignments(Actor actor, @RequestParam(required = false) Long leaderId,
			@RequestParam(required = false) Long regionId) {
		return moves.list(actor, leaderId, regionId);
	}

	private static PickupPointId point(Move body) {
		return body.pickupPointId() == null ? null : new PickupPointId(body.pickupPointId());
	}

	// ---- views ------------------------------------------------------------------------------------------------

	record Mine(StandingView level, List<PenaltyView> penalties) {
	}

	record LeaderLevelView(StandingView level, List<RecordView> history) {
	}

	record StandingView(long leaderId, LeaderLevel level, RecordView record, ThresholdView next, long salesSoFarFen,
			long salesToNextFen) {

		static StandingView of(LevelStanding s) {
			return new StandingView(s.leaderId().value(), s.level(), s.record().map(RecordView::of).orElse(null),
					s.next().map(ThresholdView::of).orElse(null), s.salesSoFar().fen(), s.salesToNext().fen());
		}
	}

	record RecordView(YearMonth month, LeaderLevel level, long salesFen, Double rating, int ratings, Instant computedAt,
			String computedBy) {

		static RecordView of(LevelRecord r) {
			return new RecordView(r.month(), r.level(), r.sales().fen(), r.rating(), r.ratings(), r.computedAt(),
					r.computedBy());
		}
	}

	record ThresholdView(LeaderLevel level, Long minSalesFen, Double minRating) {

		static ThresholdView of(LevelThreshold t) {
			return new ThresholdView(t.level(), t.minSales().fen(), t.minRating());
		}

		LevelThreshold toThreshold() {
			return new LevelThreshold(level, minSalesFen == null ? null : Money.ofFen(minSalesFen),
					minRating == null ? -1 : minRating);
		}
	}

	record Thresholds(List<ThresholdView> thresholds) {
	}

	record BandView(Long floorFen, int rateBasisPoints) {

		static BandView of(CommissionBand b) {
			return new BandView(b.floor().fen(), b.rateBasisPoints());
		}
	}

	record LevelBands(LeaderLevel level, List<BandView> bands) {
	}

	record RegionLevels(long regionId, List<ThresholdView> thresholds, List<LevelBands> bands) {
	}

	record PenaltyView(long id, long leaderId, String leaderName, long regionId, PenaltyKind kind, String reason,
			String detail, PenaltyStatus status, Instant createdAt, String createdBy, Instant startsAt, Instant endsAt,
			String decidedBy, String revokeReason) {

		static PenaltyView of(Penalty p) {
			return of(p, null);
		}

		static PenaltyView of(Penalty p, String leaderName) {
			return new PenaltyView(p.id().value(), p.leaderId().value(), leaderName, p.regionId().value(), p.kind(),
					p.reason().name(), p.detail(), p.status(), p.createdAt(), p.createdBy(), p.startsAt(), p.endsAt(),
					p.decidedBy(), p.revokeReason());
		}
	}

	record Imposition(PenaltyKind kind, String reason) {
	}

	record Revocation(String reason) {
	}

	record RulesBody(Integer inactiveDays, Integer lateReceipts, Integer complaintRateBasisPoints,
			Integer minOrdersForRate, Integer lowerBandReductionBasisPoints) {
	}

	private static int orNone(Integer value) {
		return value == null ? -1 : value;
	}

	record Move(Long pickupPointId, String reason) {
	}

	record OrderMoved(long id, String orderNo, long pickupPointId, String status) {
	}
}
