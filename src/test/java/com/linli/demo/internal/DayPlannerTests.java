package com.linli.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.linli.demo.DayRates;
import com.linli.demo.internal.DayPlanner.DayPlan;
import com.linli.demo.internal.DayPlanner.Fate;
import com.linli.demo.internal.DayPlanner.Point;
import com.linli.demo.internal.DayPlanner.Shopper;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.WarehouseId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A planned day: who orders when, who pays, which points are short, who collects when; the same seed, the same day. */
class DayPlannerTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final LocalDate PICKUP = LocalDate.of(2026, 11, 20);

	static final Baskets BASKETS = new Baskets(BasketsTests.CATALOG, 1);

	/** {@code count} pickup points of 50 residents each, served by three grid warehouses. */
	static List<Point> points(int count) {
		List<Point> points = new ArrayList<>();
		long resident = 1000;
		for (int p = 0; p < count; p++) {
			List<AccountId> residents = new ArrayList<>();
			for (int r = 0; r < 50; r++) {
				residents.add(new AccountId(resident++));
			}
			points.add(new Point(new PickupPointId(p + 1), new WarehouseId(p % 3 + 1), LocalTime.of(7 + p % 2, 30),
					LocalTime.of(20, 0 + 30 * (p % 2)), residents));
		}
		return points;
	}

	static DayPlan plan(int points, double share, long seed) {
		return DayPlanner.plan(PICKUP, SHANGHAI, points(points), BASKETS, share, DayRates.typical(), seed, "HZ");
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
	}

	@Test
	void aboutTheGivenShareOfResidentsOrder() {
		var plan = plan(200, 0.32, 1);
		double share = plan.shoppers().size() / (200 * 50.0);
		assertThat(share).isCloseTo(0.32, within(0.02));
	}

	@Test
	void communitiesDifferInHowKeenTheyAre() {
		var plan = plan(200, 0.32, 2);
		int[] perPoint = new int[200];
		plan.shoppers().forEach(s -> perPoint[s.point()]++);
		int least = java.util.Arrays.stream(perPoint).min().orElseThrow();
		int most = java.util.Arrays.stream(perPoint).max().orElseThrow();
		assertThat(most - least).isGreaterThan(8);
		assertThat(plan.shoppers().size() / 200.0).isBetween(0.25 * 50, 0.40 * 50);
	}

	@Test
	void residentsOrderDuringTheSessionTheDayBeforePickup() {
		var plan = plan(20, 0.32, 3);
		var orderDay = PICKUP.minusDays(1);
		assertThat(plan.opensAt()).isEqualTo(at(orderDay, 10, 0));
		assertThat(plan.cutoffAt()).isEqualTo(at(orderDay, 23, 0));
		assertThat(plan.shoppers()).allSatisfy(s -> assertThat(s.orderAt()).isAfterOrEqualTo(plan.opensAt())
			.isBefore(plan.cutoffAt()));
		assertThat(plan.shoppers()).isSortedAccordingTo(java.util.Comparator.comparing(Shopper::orderAt));
		assertThat(plan.shoppers()).allSatisfy(s -> {
			assertThat(s.basket()).isNotEmpty();
			assertThat(s.payAfter()).isBetween(Duration.ofSeconds(8), Duration.ofMinutes(5));
		});
	}

	@Test
	void nineInTenPayAndAFewWalkAwayOrCancel() {
		var shoppers = plan(200, 0.32, 4).shoppers();
		double pay = shoppers.stream().filter(s -> s.fate() == Fate.PAY).count() / (double) shoppers.size();
		double abandon = shoppers.stream().filter(s -> s.fate() == Fate.ABANDON).count() / (double) shoppers.size();
		double cancel = shoppers.stream().filter(s -> s.fate() == Fate.PAY_THEN_CANCEL).count() / (double) shoppers.size();
		assertThat(pay).isCloseTo(0.90, within(0.015));
		assertThat(abandon).isCloseTo(0.08, within(0.012));
		assertThat(cancel).isCloseTo(0.02, within(0.006));
	}

	@Test
	void trucksLeaveAtDawnAndGoodsArriveBeforeCollections() {
		var plan = plan(60, 0.32, 5);
		assertThat(plan.dispatches()).hasSize(3);
		assertThat(plan.dispatches().values()).allSatisfy(t -> assertThat(t).isBetween(at(PICKUP, 5, 0), at(PICKUP, 5, 45)));
		for (var arrival : plan.arrivals()) {
			var point = plan.points().get(arrival.point());
			assertThat(arrival.at()).isAfter(plan.dispatches().get(point.gridWarehouse()));
			assertThat(arrival.shortUnits()).isBetween(0, 2);
		}
		for (Shopper s : plan.shoppers()) {
			if (s.pickupAt() != null) {
				var point = plan.points().get(s.point());
				var local = s.pickupAt().atZone(SHANGHAI);
				assertThat(local.toLocalDate()).isEqualTo(PICKUP);
				assertThat(s.pickupAt()).isAfter(plan.arrivals().get(s.point()).at());
				assertThat(local.toLocalTime()).isAfterOrEqualTo(point.opensAt()).isBefore(point.closesAt());
				if (s.returnAt() != null) {
					assertThat(s.partial()).isTrue();
					assertThat(s.returnAt()).isAfter(s.pickupAt());
				}
			}
		}
	}

	@Test
	void mostCollectAndAFewPointsAreShort() {
		var plan = plan(400, 0.32, 6);
		double collect = plan.shoppers().stream().filter(s -> s.pickupAt() != null).count()
				/ (double) plan.shoppers().size();
		assertThat(collect).isCloseTo(0.92, within(0.01));
		double shortPoints = plan.arrivals().stream().filter(a -> a.shortUnits() > 0).count() / 400.0;
		assertThat(shortPoints).isBetween(0.01, 0.06);
	}

	@Test
	void otherRatesChangeTheDay() {
		var rates = new DayRates(0.3, 0.2, 1.0, 0.5, 0.5);
		var plan = DayPlanner.plan(PICKUP, SHANGHAI, points(40), BASKETS, 0.5, rates, 7, "HZ");
		assertThat(plan.arrivals()).allSatisfy(a -> assertThat(a.shortUnits()).isPositive());
		double cancel = plan.shoppers().stream().filter(s -> s.fate() == Fate.PAY_THEN_CANCEL).count()
				/ (double) plan.shoppers().size();
		assertThat(cancel).isCloseTo(0.2, within(0.04));
	}

	@Test
	void theSameSeedGivesTheSameDayAndRegularsComeBack() {
		assertThat(plan(30, 0.32, 8)).isEqualTo(plan(30, 0.32, 8));
		assertThat(plan(30, 0.32, 8)).isNotEqualTo(plan(30, 0.32, 9));
		// the next day other residents shop, but a resident's habit stays: regulars order on both days more often
		var today = plan(200, 0.32, 10).shoppers().stream().map(Shopper::resident).collect(java.util.stream.Collectors.toSet());
		var tomorrow = DayPlanner.plan(PICKUP.plusDays(1), SHANGHAI, points(200), BASKETS, 0.32, DayRates.typical(), 10, "HZ")
			.shoppers().stream().map(Shopper::resident).toList();
		long again = tomorrow.stream().filter(today::contains).count();
		assertThat(again / (double) tomorrow.size()).isGreaterThan(0.32 + 0.05);
	}
}
