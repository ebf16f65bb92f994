package com.linli.fulfilment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.fulfilment.internal.CutoffRunner;
import com.linli.fulfilment.internal.CutoffRuns;
import com.linli.identity.AccountId;
import com.linli.identity.CurrentUser;
import com.linli.network.NetworkManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
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
 * meant to be early. Calls with a signed-in user are checked against the regions they manage; calls without one come
 * from the platform itself (the scheduled cutoff) and are trusted.
 */
@Service
public class CutoffManagement {

	/** How far from today (in the region's zone) a pickup date may be for a cutoff to make sense. */
	static final int MAX_DAYS_AWAY = 30;

	private final CutoffRunner runner;

	private final CutoffRuns runs;

	private final NetworkManagement network;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OrderCutoffManagement orders;

	CutoffManagement(CutoffRunner runner, CutoffRuns runs, NetworkManagement network, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, OrderCutoffManagement orders) {
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
	public CutoffRun run(RegionId regionId, LocalDate pickupDate) {
		return run(regionId, pickupDate, false);
	}

	/**
	 * As {@link #run(RegionId, LocalDate)}; staff starting it before the listings' cutoff must say so with
	 * {@code early}, or are refused with an {@link EarlyCutoff} that tells what the cutoff would do.
	 */
	public CutoffRun run(RegionId regionId, LocalDate pickupDate, boolean early) {
		Region region = checked(regionId, pickupDate);
		audit(region, pickupDate, checkedTiming(region, pickupDate, early));
		return runner.run(region.id(), pickupDate, caller()).orElseGet(() -> current(region.id(), pickupDate));
	}

	/** As {@link #run}, but works in the background and returns at once, the run RUNNING. */
	public CutoffRun start(RegionId regionId, LocalDate pickupDate) {
		return start(regionId, pickupDate, false);
	}

	/** As {@link #run(RegionId, LocalDate, boolean)}, in the background. */
	public CutoffRun start(RegionId regionId, LocalDate pickupDate, boolean early) {
		Region region = checked(regionId, pickupDate);
		audit(region, pickupDate, checkedTiming(region, pickupDate, early));
		return runner.start(region.id(), pickupDate, caller()).orElseGet(() -> current(region.id(), pickupDate));
	}

	/**
	 * Staff may not close a sale before the listings' cutoff by accident: residents were shown that time
	 * and may still be paying. The scheduled cutoff (no signed-in user) only runs once it is due.
	 */
	private CutoffOutlook checkedTiming(Region region, LocalDate pickupDate, boolean early) {
		if (CurrentUser.get().isEmpty()) {
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

	public CutoffRun get(CutoffRunId id) {
		CutoffRun run = runs.find(id).orElseThrow(() -> new NotFoundException("cutoff run", id));
		checkScope(run.regionId());
		return run;
	}

	/** The run of a region and pickup date, if there was one. */
	public Optional<CutoffRun> find(RegionId regionId, LocalDate pickupDate) {
		var run = runs.find(regionId, pickupDate);
		run.ifPresent(r -> checkScope(r.regionId()));
		return run;
	}

	/** Runs of the caller's regions, latest pickup date first. */
	public Page<CutoffRun> search(CutoffRunSearch search, int page, int size) {
		var scope = CurrentUser.regionFilter(search.regionId() == null ? null : search.regionId().value());
		return runs.search(search, scope, Math.max(page, 0), Page.size(size));
	}

	/** Units per SKU ordered for the run's region and pickup date, by SKU name: what there is to buy. */
	public List<SkuDemand> demand(CutoffRunId id) {
		get(id);
		return jdbc.sql("""
				select sku_id, sku_name, spec, unit, lines, units from fulfilment.sku_demand
				 where run_id = ? order by sku_name, spec, sku_id""")
			.param(id.value())
			.query((rs, n) -> new SkuDemand(new SkuId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getLong(6)))
			.list();
	}

	private Region checked(RegionId regionId, LocalDate pickupDate) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("fulfilment.problem.chooseRegion"));
		}
		if (pickupDate == null) {
			throw new InvalidInputException("pickupDate", Text.of("fulfilment.problem.choosePickupDate"));
		}
		Region region = network.regions().stream().filter(r -> r.id().equals(regionId)).findFirst()
			.orElseThrow(() -> new InvalidInputException("regionId", Text.of("fulfilment.problem.unknownRegion", regionId)));
		checkScope(region.id());
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

	/** Staff starting a cutoff by hand is an audited change; the scheduled cutoff is not. */
	private void audit(Region region, LocalDate pickupDate, CutoffOutlook outlook) {
		if (CurrentUser.get().isPresent()) {
			String detail = region.name() + " pickup " + pickupDate;
			if (outlook != null && outlook.early()) {
				detail += " EARLY (listings close " + outlook.listingsCutoffAt() + "): " + outlook.unpaidOrders()
						+ " unpaid order(s) cancelled, " + outlook.paidOrders() + " paid confirmed";
			}
			events.publishEvent(new AdminChange("fulfilment.cutoff.run", "region:" + region.id(), detail));
		}
	}

	private static AccountId caller() {
		return CurrentUser.get().map(CurrentUser::id).orElse(null);
	}

	private static void checkScope(RegionId region) {
		CurrentUser.checkRegion(region.value());
	}
}
