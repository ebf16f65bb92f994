package com.linli.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import com.linli.identity.Actor;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RouteExecution;
import com.linli.logistics.RouteExecution.Photo;
import com.linli.logistics.RouteExecution.RouteView;
import com.linli.logistics.RouteStatus;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The simulated morning of a day's stored route plans (logistics): each route departs around its planned time (a few
 * minutes late now and then), arrives at its stops around their planned arrivals with the delay carried along,
 * hands each over before the leader's receipt, posts positions between the stops, and now and then skips a stop
 * (nobody there) or reports an exception; all through {@link RouteExecution} as the driver would, on the day's
 * {@link Timeline} (the platform clock at each event's instant). Yesterday's routes run to the end; today's stop
 * wherever the timeline stops (now). A departure whose grid warehouse the simulated day dispatched already just
 * proceeds; one before it dispatches the warehouse itself, and one whose goods are missing waits for the day's own
 * dispatch (tried again 20 minutes later, up to three times).
 */
@Component
public class DeliveryMorningDemo {

	private static final Logger log = LoggerFactory.getLogger(DeliveryMorningDemo.class);

	private static final Actor DEMO = Actor.system("demo-driver");

	private final RouteExecution execution;

	private final WarehouseManagement warehouses;

	private final Clock clock;

	DeliveryMorningDemo(RouteExecution execution, WarehouseManagement warehouses, Clock clock) {
		this.execution = execution;
		this.warehouses = warehouses;
		this.clock = clock;
	}

	/**
	 * Schedules the morning of the region's plans of {@code pickupDate} on the timeline. {@code receiptAt} (pickup
	 * point id → the instant the day's leader receives; may be empty) keeps each hand-over before its receipt.
	 * Returns the number of routes scheduled (routes already on their way or done are left alone).
	 */
	public int schedule(Timeline timeline, long regionId, LocalDate pickupDate, Map<Long, Instant> receiptAt, long seed) {
		int scheduled = 0;
		for (RouteView view : execution.morning(regionId, pickupDate, DEMO)) {
			if (view.route().status() != RouteStatus.PLANNED && view.route().status() != RouteStatus.LOCKED) {
				continue;
			}
			Random random = new Random(seed * 31 + view.route().id());
			schedule(timeline, view, receiptAt, random);
			scheduled++;
		}
		return scheduled;
	}

	private void schedule(Timeline timeline, RouteView view, Map<Long, Instant> receiptAt, Random random) {
		long routeId = view.route().id();
		// most trucks leave on time, some a few minutes late, one in six a quarter of an hour late
		int late = random.nextInt(6) == 0 ? 10 + random.nextInt(10) : random.nextInt(5);
		Instant departAt = view.route().departAt().plus(Duration.ofMinutes(late));
		timeline.at(departAt, () -> depart(timeline, routeId, 0));
		Warehouse warehouse = warehouses.getWarehouse(new WarehouseId(view.plan().gridWarehouseId()));
		double lat = warehouse.latitude();
		double lon = warehouse.longitude();
		Instant previous = departAt;
		Duration delay = Duration.ofMinutes(late);
		int skipAt = random.nextInt(8) == 0 ? 1 + random.nextInt(view.stops().size()) : -1;
		int exceptionAt = random.nextInt(5) == 0 ? 1 + random.nextInt(view.stops().size()) : -1;
		for (PlannedStop stop : view.stops()) {
			delay = delay.plus(Duration.ofMinutes(random.nextInt(7) - 2));
			if (delay.isNegative()) {
				delay = Duration.ZERO;
			}
			Instant arriveAt = stop.plannedArrival().plus(delay);
			if (!arriveAt.isAfter(previous)) {
				arriveAt = previous.plus(Duration.ofMinutes(3));
			}
			// two positions on the way there
			for (int k = 1; k <= 2; k++) {
				double share = k / 3.0;
				double pLat = lat + (stop.latitude() - lat) * share;
				double pLon = lon + (stop.longitude() - lon) * share;
				Instant at = previous.plus(Duration.between(previous, arriveAt).multipliedBy(k).dividedBy(3));
				timeline.at(at, () -> quietly(() -> execution.position(routeId, pLat, pLon, 15.0, DEMO)));
			}
			long stopId = stop.id();
			if (stop.seq() == skipAt) {
				Instant skipAtTime = arriveAt;
				timeline.at(skipAtTime, () -> quietly(() -> execution.skip(routeId, stopId, "团长电话未接通，店门未开，货物带回网格仓", DEMO)));
				previous = skipAtTime.plus(Duration.ofMinutes(2));
			}
			else {
				Instant handAt = arriveAt.plus(Duration.ofMinutes(Math.max(2, stop.serviceMinutes() / 2 + random.nextInt(4))));
				Instant receipt = receiptAt.get(stop.pickupPointId());
				if (receipt != null && !handAt.isBefore(receipt)) {
					Instant latest = receipt.minus(Duration.ofMinutes(1));
					arriveAt = latest.minus(Duration.ofMinutes(2)).isAfter(previous) ? latest.minus(Duration.ofMinutes(2))
							: previous;
					handAt = latest.isAfter(arriveAt) ? latest : arriveAt.plusSeconds(30);
				}
				timeline.at(arriveAt, () -> quietly(() -> execution.arrive(routeId, stopId, DEMO)));
				timeline.at(handAt, () -> quietly(() -> execution.handOver(routeId, stopId, DEMO)));
				if (stop.seq() == exceptionAt) {
					boolean damaged = random.nextBoolean();
					timeline.at(arriveAt.plusSeconds(20), () -> quietly(() -> execution.reportException(routeId, stopId,
							damaged ? "DAMAGED_GOODS" : "LATE", damaged ? "一箱鸡蛋有 3 枚破损，已拍照交团长确认" : "小区门口施工绕行，晚到约 10 分钟",
							(Photo) null, DEMO)));
				}
				previous = handAt;
			}
			lat = stop.latitude();
			lon = stop.longitude();
		}
	}

	private void depart(Timeline timeline, long routeId, int attempt) {
		try {
			execution.depart(routeId, DEMO);
		}
		catch (BusinessRuleException e) {
			// goods missing (the day's own dispatch overrides later), or already left: try again a little later
			if (attempt < 3 && !"route-already-departed".equals(e.code())) {
				timeline.at(clock.instant().plus(Duration.ofMinutes(20)), () -> depart(timeline, routeId, attempt + 1));
			}
			else {
				log.info("Demo route {} did not leave: {}", routeId, e.getMessage());
			}
		}
	}

	private static void quietly(Runnable action) {
		try {
			action.run();
		}
		catch (BusinessRuleException e) {
			// a route that could not leave (goods missing) has no stops to serve: nothing to simulate
			log.debug("Demo driver: {}", e.getMessage());
		}
	}
}
