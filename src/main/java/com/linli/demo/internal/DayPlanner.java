package com.linli.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.linli.demo.DayRates;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.WarehouseId;

/**
 * Plans one pickup date of a region, before anything happens: who orders, when and what, who pays,
 * who walks away and who cancels, when the trucks leave and reach each pickup point, which points
 * find goods missing, and when each resident comes to collect. Pure: the same inputs and seed give
 * the same plan; how the day goes comes from its {@link DayRates}.
 */
public final class DayPlanner {

	/** Orders placed through the cart rather than "buy now" from a listing. */
	static final double VIA_CART = 0.2;

	/** ...and comes back for the rest the same day. */
	static final double RETURN = 0.5;

	static final LocalTime PUBLISH = LocalTime.of(9, 0);

	public static final LocalTime OPENS = LocalTime.of(10, 0);

	public static final LocalTime CUTOFF = LocalTime.of(23, 0);

	/** Trucks leave the grid warehouses between 05:00 and 05:45. */
	static final LocalTime DISPATCH = LocalTime.of(5, 0);

	/** What a resident does with an order. */
	public enum Fate {
		PAY, ABANDON, PAY_THEN_CANCEL
	}

	/** A pickup point with the grid warehouse that serves it, its hours and its residents (ascending ids). */
	public record Point(PickupPointId id, WarehouseId gridWarehouse, LocalTime opensAt, LocalTime closesAt,
			List<AccountId> residents) {
	}

	/**
	 * A resident who orders: at {@code orderAt}, {@code basket}; pays {@code payAfter} later (unless
	 * abandoning), cancels {@code cancelAfter} after paying (only for PAY_THEN_CANCEL); collects at
	 * {@code pickupAt} (null: not on the pickup day), taking only part then when {@code partial}, and the
	 * rest at {@code returnAt} (null: not that day).
	 */
	public record Shopper(AccountId resident, int point, Instant orderAt, List<Baskets.Line> basket, boolean viaCart,
			Fate fate, Duration payAfter, Duration cancelAfter, Instant pickupAt, boolean partial, Instant returnAt) {
	}

	/** Goods reach a pickup point at {@code at}; {@code shortUnits} (0 to 2) of them are missing. */
	public record Arrival(int point, Instant at, int shortUnits, long shortSeed) {
	}

	/** The whole day: times of the session, shoppers by time, trucks by grid warehouse, arrivals by point. */
	public record DayPlan(LocalDate pickupDate, Instant publishAt, Instant opensAt, Instant cutoffAt,
			List<Point> points, List<Shopper> shoppers, Map<WarehouseId, Instant> dispatches, List<Arrival> arrivals) {
	}

	private DayPlanner() {
	}

	/** {@code regionKey} (the region's code) keeps two regions' days apart under one seed. */
	public static DayPlan plan(LocalDate pickupDate, ZoneId zone, List<Point> points, Baskets baskets, double share,
			DayRates rates, long seed, String regionKey) {
		Random random = Seeds.stream(seed, "day " + regionKey, (int) pickupDate.toEpochDay());
		LocalDate orderDay = pickupDate.minusDays(1);
		Map<WarehouseId, Instant> dispatches = new LinkedHashMap<>();
		for (Point point : points) {
			dispatches.computeIfAbsent(point.gridWarehouse(),
					w -> at(pickupDate, DISPATCH.plusMinutes(random.nextInt(46)), zone));
		}
		List<Arrival> arrivals = new ArrayList<>();
		for (int p = 0; p < points.size(); p++) {
			Instant at = dispatches.get(points.get(p).gridWarehouse()).plus(Duration.ofMinutes(35 + random.nextInt(66)));
			int shortUnits = random.nextDouble() < rates.shortPickupPoints() ? 1 + random.nextInt(2) : 0;
			arrivals.add(new Arrival(p, at, shortUnits, random.nextLong()));
		}
		List<Shopper> shoppers = new ArrayList<>();
		for (int p = 0; p < points.size(); p++) {
			Point point = points.get(p);
			double communityShare = share * communityFactor(seed, regionKey, point.id());
			for (AccountId resident : point.residents()) {
				double chance = Math.min(0.95, communityShare * loyalty(seed, resident));
				if (random.nextDouble() < chance) {
					shoppers.add(shopper(random, resident, p, point, orderDay, arrivals.get(p).at(), baskets, rates, zone));
				}
			}
		}
		shoppers.sort(Comparator.comparing(Shopper::orderAt));
		return new DayPlan(pickupDate, at(orderDay, PUBLISH, zone), at(orderDay, OPENS, zone), at(orderDay, CUTOFF, zone),
				List.copyOf(points), List.copyOf(shoppers), dispatches, List.copyOf(arrivals));
	}

	private static Shopper shopper(Random random, AccountId resident, int p, Point point, LocalDate orderDay,
			Instant arrival, Baskets baskets, DayRates rates, ZoneId zone) {
		Instant orderAt = at(orderDay, DayCurve.ORDERING.sample(random), zone);
		var basket = baskets.basket(random);
		boolean viaCart = random.nextDouble() < VIA_CART;
		double roll = random.nextDouble();
		Fate fate = roll < rates.pay() ? Fate.PAY : roll < rates.pay() + rates.abandon() ? Fate.ABANDON : Fate.PAY_THEN_CANCEL;
		// most pay within a minute; a few read the page for a while
		long paySeconds = Math.round(Math.exp(Math.log(45) + 0.8 * random.nextGaussian()));
		Duration payAfter = Duration.ofSeconds(Math.max(8, Math.min(300, paySeconds)));
		Duration cancelAfter = Duration.ofMinutes(10 + random.nextInt(240));
		LocalTime ready = LocalTime.ofInstant(arrival, zone).plusMinutes(10);
		LocalTime from = ready.isAfter(point.opensAt()) ? ready : point.opensAt();
		Instant pickupAt = null;
		Instant returnAt = null;
		boolean partial = false;
		if (random.nextDouble() < rates.collect() && from.isBefore(point.closesAt().minusMinutes(5))) {
			LocalTime first = DayCurve.PICKUP.sample(random, from, point.closesAt().minusMinutes(5));
			pickupAt = at(orderDay.plusDays(1), first, zone);
			partial = random.nextDouble() < rates.partialPickup();
			LocalTime back = first.plusMinutes(30);
			if (partial && random.nextDouble() < RETURN && back.isBefore(point.closesAt().minusMinutes(5))) {
				returnAt = at(orderDay.plusDays(1), DayCurve.PICKUP.sample(random, back, point.closesAt().minusMinutes(5)),
						zone);
			}
		}
		return new Shopper(resident, p, orderAt, basket, viaCart, fate, payAfter, cancelAfter, pickupAt, partial,
				returnAt);
	}

	/** How keen a community is on group buying: 0.78 to 1.25 times the region's share, the same every day. */
	static double communityFactor(long seed, String regionKey, PickupPointId point) {
		return 0.78 + 0.47 * unit(Seeds.mix(seed ^ regionKey.hashCode() * 31L ^ point.value() * 0x9E3779B97F4A7C15L));
	}

	/** Regulars, occasional buyers and the rare shopper: a resident's habit, the same every day (mean 1). */
	static double loyalty(long seed, AccountId resident) {
		double u = unit(Seeds.mix(seed * 0x632BE59BD9B4E019L ^ resident.value()));
		return u < 0.25 ? 0.35 : u < 0.8 ? 1.0 : 1.9;
	}

	private static double unit(long bits) {
		return (bits >>> 11) * 0x1.0p-53;
	}

	private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
		return day.atTime(time).atZone(zone).toInstant();
	}
}
