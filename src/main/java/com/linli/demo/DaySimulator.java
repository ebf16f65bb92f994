package com.linli.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.linli.demo.internal.BankCashier;
import com.linli.demo.internal.DayFulfilment;
import com.linli.demo.internal.DayListings;
import com.linli.demo.internal.DayPlanner;
import com.linli.demo.internal.DayProgress;
import com.linli.demo.internal.DayRun;
import com.linli.demo.internal.DayLogistics;
import com.linli.demo.internal.DaySupply;
import com.linli.demo.internal.EventBacklog;
import com.linli.demo.internal.PendingPayments;
import com.linli.demo.internal.ResidentActions;
import com.linli.demo.internal.SimulationStatus;
import com.linli.demo.internal.Timeline;
import com.linli.marketing.Listing;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.PlatformClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Simulates whole days of a region through the platform's own services, with the platform clock
 * travelled to each simulated instant: the day's listings go up at 09:00 the day before pickup and
 * open at 10:00; about a third of the residents (more in keen communities, regulars more often)
 * order at the times residents do, baskets of one to six lines with the favourites first; nine in
 * ten pay at the simulated bank (whose signed notification makes the order PAID), some walk away
 * and their orders expire, a few cancel after paying and are refunded; at 23:00 the cutoff; next
 * morning the trucks leave the grid warehouses and each pickup point confirms its goods, a few
 * reporting units missing (refunded); during the day most residents collect by pickup code, the rest
 * of the orders stay waiting. Deterministic for a seed and a database state; progress is logged.
 * <p>
 * The clock is back to the real time when a call returns, whatever happened. Simulating the same
 * date twice adds nothing for residents who already ordered that day (their idempotency keys repeat).
 */
@Service
public class DaySimulator {

	private static final Logger log = LoggerFactory.getLogger(DaySimulator.class);

	/** The furthest back a simulation may start: the cashier's sign-in outlives it, listings are copied from it. */
	public static final int MAX_DAYS_BACK = 28;

	private final RegionManagement network;

	private final ResidentBindingManagement residentBindings;

	private final PickupPointManagement pickupPoints;

	private final ResidentActions residents;

	private final DayFulfilment fulfilment;

	private final DayListings listings;

	private final BankCashier cashier;

	private final EventBacklog backlog;

	private final SimulationStatus status;

	private final Clock clock;

	private final DaySupply supply;

	private final DayLogistics logistics;

	DaySimulator(RegionManagement network, ResidentBindingManagement residentBindings,
			PickupPointManagement pickupPoints, ResidentActions residents, DayFulfilment fulfilment,
			DayListings listings,
			BankCashier cashier, EventBacklog backlog, SimulationStatus status, Clock clock, DaySupply supply,
			DayLogistics logistics) {
		this.logistics = logistics;
		this.status = status;
		this.supply = supply;
		this.network = network;
		this.residentBindings = residentBindings;
		this.pickupPoints = pickupPoints;
		this.residents = residents;
		this.fulfilment = fulfilment;
		this.listings = listings;
		this.cashier = cashier;
		this.backlog = backlog;
		this.clock = clock;
	}

	/** One pickup date: its ordering day, cutoff, deliveries and collections. */
	public SimulatedDay simulate(RegionId region, LocalDate pickupDate, DaySettings settings) {
		return simulate(region, pickupDate, pickupDate, settings).get(0);
	}

	/**
	 * Consecutive pickup dates on one timeline, so that time only moves forward: a day's collections
	 * and the next day's orders happen side by side, as they do. One result per pickup date.
	 */
	public List<SimulatedDay> simulate(RegionId regionId, LocalDate firstPickupDate, LocalDate lastPickupDate,
			DaySettings settings) {
		PlatformClock platformClock = platformClock();
		Region region = network.getRegion(regionId);
		checkDates(region, firstPickupDate, lastPickupDate);
		var points = points(region);
		var session = cashier.signIn(settings.cashierPhone(), settings.cashierPassword());
		var timeline = new Timeline();
		var payments = new PendingPayments(residents);
		var context = new DayRun.Context(region.id(), region.code(), region.zone(), points, settings, clock, timeline, payments,
				cashier, session, residents, fulfilment, listings, supply, logistics);
		List<DayRun> days = new ArrayList<>();
		for (LocalDate date = firstPickupDate; !date.isAfter(lastPickupDate); date = date.plusDays(1)) {
			var day = new DayRun(context, date);
			day.schedule();
			days.add(day);
		}
		long baseline = backlog.size();
		Instant start = DayRun.startOf(firstPickupDate, region.zone());
		Instant end = DayRun.endOf(lastPickupDate, region.zone());
		if (settings.until() != null && settings.until().isBefore(end)) {
			end = settings.until();
		}
		var progress = new DayProgress(region.name(), region.zone(), start, end, status);
		long started = System.nanoTime();
		try {
			timeline.run(platformClock, settings.until(), at -> {
				payments.settleBefore(at);
				if (progress.crossesMidnight(at)) {
					backlog.drain(baseline);
				}
				progress.at(at, days);
			});
			payments.settle();
			backlog.drain(baseline);
		}
		finally {
			progress.done();
			platformClock.reset();
			cashier.signOut(session);
		}
		var results = days.stream().map(DayRun::result).toList();
		for (SimulatedDay day : results) {
			log.info("Day simulator {}: pickup {}{}: {} orders ({} paid, {} unpaid, {} cancelled after paying), "
					+ "{} point(s) short by {} unit(s), {} picked up, {} partly, {} waiting", region.name(),
					day.pickupDate(), day.complete() ? "" : " (so far)", day.ordersPlaced(), day.paid(), day.abandoned(),
					day.cancelledAfterPaying(), day.shortPickupPoints(), day.shortUnits(), day.pickedUp(),
					day.partlyPickedUp(), day.waitingForPickup());
		}
		log.info("Day simulator {}: 100% ({} day(s), {} orders, {} picked up, in {} ms)", region.name(), results.size(),
				results.stream().mapToInt(SimulatedDay::ordersPlaced).sum(),
				results.stream().mapToInt(SimulatedDay::pickedUp).sum(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		return results;
	}

	/**
	 * The listings of a pickup date, published now from the nearest day's assortment if there are none:
	 * how the demo puts tomorrow's listings up after replaying history.
	 */
	public List<Listing> listingsFor(RegionId region, LocalDate pickupDate, Instant opensAt) {
		Region r = network.getRegion(region);
		Instant cutoff = pickupDate.minusDays(1).atTime(DayPlanner.CUTOFF).atZone(r.zone()).toInstant();
		return listings.listingsFor(region, pickupDate, opensAt, cutoff);
	}

	private PlatformClock platformClock() {
		if (clock instanceof PlatformClock platform) {
			return platform;
		}
		throw new IllegalStateException("the day simulator moves the platform clock, but this application runs on "
				+ clock + ": remove the Clock bean that replaces it");
	}

	private void checkDates(Region region, LocalDate first, LocalDate last) {
		if (first == null || last == null || last.isBefore(first)) {
			throw new IllegalArgumentException("pickup dates from " + first + " to " + last + " are not a range");
		}
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		if (first.isBefore(today.minusDays(MAX_DAYS_BACK)) || last.isAfter(today.plusDays(1))) {
			throw new IllegalArgumentException("the simulator replays pickup dates from " + MAX_DAYS_BACK
					+ " days ago to tomorrow, not " + first + " to " + last);
		}
	}

	/** The region's open pickup points with their residents, by id. */
	private List<DayPlanner.Point> points(Region region) {
		var open = pickupPoints.pickupPoints(region.id()).stream().filter(PickupPoint::active)
			.sorted(Comparator.comparingLong(p -> p.id().value())).toList();
		var residentsAt = residentBindings.residentsOf(open.stream().map(PickupPoint::id).toList());
		return open.stream()
			.map(p -> new DayPlanner.Point(p.id(), p.gridWarehouseId(), p.opensAt(), p.closesAt(), residentsAt.get(p.id())))
			.toList();
	}
}
