package com.linli.fulfilment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.fulfilment.internal.CutoffRunner;
import com.linli.fulfilment.internal.CutoffRuns;
import com.linli.fulfilment.internal.SortingLists;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.network.RegionManagement;
import com.linli.ordering.CutoffOutlook;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Cutoff runs (截单): freeze the paid orders of a region and pickup date, write the sorting lists and
 * the demand per SKU. A run is idempotent and resumable: one row per region and pickup date; started
 * again while interrupted it resumes after its last committed pickup point; started again once
 * completed it confirms orders paid since and adds their lines, leaving every other line as it was.
 * Staff starting one before the listings' cutoff (residents may still be paying) must confirm it is
 * meant to be early. Every call names its {@link Actor}: staff are checked against the regions they work in; the
 * platform itself (the scheduled cutoff, the demo) works in every region, needs no early confirmation and is not
 * audited.
 */
@Service
public class CutoffManagement {

	/** How far from today (in the region's zone) a pickup date may be for a cutoff to make sense. */
	static final int MAX_DAYS_AWAY = 30;

	private final CutoffRunner runner;

	private final CutoffRuns runs;

	private final RegionManagement network;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OrderCutoffManagement orders;

	private final SortingLists lists;

	CutoffManagement(CutoffRunner runner, CutoffRuns runs, RegionManagement network, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, OrderCutoffManagement orders, SortingLists lists) {
		this.lists = lists;
		this.orders = orders;
		this.events = events;
		this.runner = runner;
		this.runs = runs;
		this.network = network;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Starts or resumes the cutoff of a region and pickup date and waits for it to end. When another
	 * attempt is at work on it right now, returns that run as it is, still RUNNING.
	 */
	public CutoffRun run(RegionId regionId, LocalDate pickupDate, Actor actor) {
		return run(regionId, pickupDate, false, actor);
	}

	/**
	 * As {@link #run(RegionId, LocalDate, Actor)}; staff starting it before the listings' cutoff must say so with
	 * {@code early}, or are refused with an {@link EarlyCutoff} that tells what the cutoff would do.
	 */
	public CutoffRun run(RegionId regionId, LocalDate pickupDate, boolean early, Actor actor) {
		Region region = checked(regionId, pickupDate, actor);
		audit(region, pickupDate, checkedTiming(region, pickupDate, early, actor), actor);
		return runner.run(region.id(), pickupDate, actor).orElseGet(() -> current(region.id(), pickupDate));
	}

	/** As {@link #run}, but works in the background and returns at once, the run RUNNING. */
	public CutoffRun start(RegionId regionId, LocalDate pickupDate, Actor actor) {
		return start(regionId, pickupDate, false, actor);
	}

	/** As {@link #run(RegionId, LocalDate, boolean, Actor)}, in the background. */
	public CutoffRun start(RegionId regionId, LocalDate pickupDate, boolean early, Actor actor) {
		Region region = checked(regionId, pickupDate, actor);
		audit(region, pickupDate, checkedTiming(region, pickupDate, early, actor), actor);
		return runner.start(region.id(), pickupDate, actor).orElseGet(() -> current(region.id(), pickupDate));
	}

	/**
	 * Staff may not close a sale before the listings' cutoff by accident: residents were shown that time
	 * and may still be paying. The platform's own cutoff (the scheduler runs it once it is due) needs no confirmation.
	 */
	private CutoffOutlook checkedTiming(Region region, LocalDate pickupDate, boolean early, Actor actor) {
		if (actor.isSystem()) {
			return null;
		}
		// resuming a run that stopped half way: whoever started it already chose to cut off then
		if (runs.find(region.id(), pickupDate).filter(run -> run.status() == CutoffStatus.RUNNING).isPresent()) {
			return null;
		}
		CutoffOutlook outlook = orders.cutoffOutlook(region.id(), pickupDate);
		if (outlook.early() && !early) {
			throw new EarlyCutoff(outlook);
		}
		return outlook;
	}

	/** A run; 403 unless the actor works in its region. */
	public CutoffRun get(CutoffRunId id, Actor actor) {
		CutoffRun run = runs.find(id).orElseThrow(() -> new NotFoundException("cutoff run", id));
		actor.checkRegion(run.regionId().value());
		return run;
	}

	/** The run of a region and pickup date, if there was one. */
	public Optional<CutoffRun> find(RegionId regionId, LocalDate pickupDate, Actor actor) {
		var run = runs.find(regionId, pickupDate);
		run.ifPresent(r -> actor.checkRegion(r.regionId().value()));
		return run;
	}

	/** Runs of the actor's regions, latest pickup date first. */
	public Page<CutoffRun> search(CutoffRunSearch search, int page, int size, Actor actor) {
		var scope = actor.regionFilter(search.regionId() == null ? null : search.regionId().value());
		return runs.search(search, scope, Math.max(page, 0), Page.size(size));
	}

	/** Units per SKU ordered for the run's region and pickup date, by SKU name: what there is to buy. */
	/**
	 * What a completed run sends from a grid warehouse to each of its pickup points (orders, units per SKU),
	 * for the morning's routes; empty while the run is not completed.
	 */
	public List<GridDrop> drops(CutoffRunId id, WarehouseId gridWarehouseId, Actor actor) {
		CutoffRun run = get(id, actor);
		return run.isCompleted() ? lists.drops(id, gridWarehouseId.value()) : List.of();
	}

	public List<SkuDemand> demand(CutoffRunId id, Actor actor) {
		get(id, actor);
		return jdbc.sql("""
				select sku_id, sku_name, spec, unit, lines, units from fulfilment.sku_demand
				 where run_id = ? order by sku_name, spec, sku_id""")
			.param(id.value())
			.query((rs, n) -> new SkuDemand(new SkuId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getLong(6)))
			.list();
	}

	/**
	 * Units per pickup point and SKU ordered in the run (the sorting lists' pick lines, shortages found since
	 * counted back in), by pickup point and SKU: the demand per point inventory's forecasts learn from.
	 */
	public List<PointDemand> pointDemand(CutoffRunId id, Actor actor) {
		get(id, actor);
		return jdbc.sql("""
				select pickup_point_id, sku_id, sum(units + short_units) from fulfilment.pick_line
				 where run_id = ? group by pickup_point_id, sku_id order by pickup_point_id, sku_id""")
			.param(id.value())
			.query((rs, n) -> new PointDemand(new com.linli.network.PickupPointId(rs.getLong(1)), new SkuId(rs.getLong(2)),
					rs.getLong(3)))
			.list();
	}

	private Region checked(RegionId regionId, LocalDate pickupDate, Actor actor) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("fulfilment.problem.chooseRegion"));
		}
		if (pickupDate == null) {
			throw new InvalidInputException("pickupDate", Text.of("fulfilment.problem.choosePickupDate"));
		}
		Region region = network.regions().stream().filter(r -> r.id().equals(regionId)).findFirst()
			.orElseThrow(() -> new InvalidInputException("regionId", Text.of("fulfilment.problem.unknownRegion", regionId)));
		actor.checkRegion(region.id().value());
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		if (pickupDate.isBefore(today.minusDays(MAX_DAYS_AWAY)) || pickupDate.isAfter(today.plusDays(MAX_DAYS_AWAY))) {
			throw new InvalidInputException("pickupDate",
					Text.of("fulfilment.problem.pickupDateTooFar", MAX_DAYS_AWAY));
		}
		return region;
	}

	private CutoffRun current(RegionId regionId, LocalDate pickupDate) {
		// another attempt holds the lock but has not written its row yet: a moment's race
		return runs.find(regionId, pickupDate).orElseThrow(() -> new BusinessRuleException("cutoff-starting", "pickupDate",
				Text.of("fulfilment.problem.cutoffJustStartingRefreshMoment")));
	}

	/** Staff starting a cutoff by hand is an audited change; the platform's own cutoff is not. */
	private void audit(Region region, LocalDate pickupDate, CutoffOutlook outlook, Actor actor) {
		if (!actor.isSystem()) {
			String detail = region.name() + " pickup " + pickupDate;
			if (outlook != null && outlook.early()) {
				detail += " EARLY (listings close " + outlook.listingsCutoffAt() + "): " + outlook.unpaidOrders()
						+ " unpaid order(s) cancelled, " + outlook.paidOrders() + " paid confirmed";
			}
			events.publishEvent(new AdminChange(actor.actedBy(), "fulfilment.cutoff.run", "region:" + region.id(), detail));
		}
	}
}
