package com.linli.logistics.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.linli.catalog.StorageTemperature;
import com.linli.logistics.Load;
import com.linli.logistics.internal.planning.FleetOfDay.Vehicle;
import com.linli.logistics.internal.planning.Planner;
import com.linli.logistics.internal.planning.Schedules;
import com.linli.logistics.internal.planning.Schedules.StopInput;
import com.linli.logistics.internal.planning.TravelModel;
import com.linli.logistics.internal.planning.TravelModel.Matrix;

import org.junit.jupiter.api.Test;

/** A route's times, lateness, km, cost and load, and the default packing, recomputed by hand. */
class SchedulesTests {

	static final LocalDate DAY = LocalDate.of(2026, 12, 8);

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Vehicle TRUCK = new Vehicle(1, "浙A00001", "truck", new int[] { 2, 5, 5 }, 300, 300, 6000, 5000, 7L,
			LocalTime.of(4, 30), LocalTime.of(10, 0));

	/** 0 → A 10 km 20 min, A → B 5 km 10 min, B → 0 6 km 12 min. */
	static Matrix matrix() {
		double[][] metres = { { 0, 10_000, 0 }, { 0, 0, 5_000 }, { 6_000, 0, 0 } };
		double[][] seconds = { { 0, 1200, 0 }, { 0, 0, 600 }, { 720, 0, 0 } };
		return new Matrix(metres, seconds);
	}

	static StopInput stop(long id, LocalTime from, LocalTime to, int service, Load load) {
		return new StopInput(id, "P" + id, "addr", 30.2, 120.1, Schedules.minutes(from), Schedules.minutes(to), service, load, 1);
	}

	@Test
	void theVehicleLeavesJustInTimeServesEachStopAndComesBack() {
		var a = stop(11, LocalTime.of(5, 0), LocalTime.of(8, 0), 10, new Load(0, 2, 1, 20));
		var b = stop(12, LocalTime.of(5, 0), LocalTime.of(5, 30), 15, new Load(1, 1, 0, 12.5));
		var route = Schedules.route(3, TRUCK, List.of(a, b), new int[] { 1, 2 }, matrix(), DAY, ZONE);
		// leaves 04:40 (20 min before A opens), A at 05:00 until 05:10, B at 05:20 until 05:35, back 05:47
		assertThat(route.departAt()).isEqualTo(DAY.atTime(4, 40).atZone(ZONE).toInstant());
		assertThat(route.stops().get(0).plannedArrival()).isEqualTo(DAY.atTime(5, 0).atZone(ZONE).toInstant());
		assertThat(route.stops().get(1).plannedArrival()).isEqualTo(DAY.atTime(5, 20).atZone(ZONE).toInstant());
		assertThat(route.returnAt()).isEqualTo(DAY.atTime(5, 47).atZone(ZONE).toInstant());
		assertThat(route.stops()).allMatch(s -> s.lateMinutes() == 0);
		assertThat(route.km()).isEqualTo(21.0);
		// 21 km × 3 yuan + 67 min × 60 yuan/h + 50 yuan
		assertThat(route.costFen()).isEqualTo(Math.round(21 * 300 + 67 / 60.0 * 6000) + 5000);
		assertThat(route.load()).isEqualTo(new Load(1, 3, 1, 32.5));
		assertThat(route.routeNo()).isEqualTo(3);
		assertThat(route.driverAccountId()).isEqualTo(7L);
		assertThat(Schedules.overCapacity(TRUCK, route.load())).isEqualTo(-1);
		assertThat(Schedules.overCapacity(TRUCK, new Load(0, 6, 0, 1))).isEqualTo(1);
		assertThat(Schedules.overCapacity(TRUCK, new Load(0, 0, 0, 301))).isEqualTo(3);
	}

	@Test
	void aStopReachedAfterItsWindowIsLateByTheMinutesPast() {
		var a = stop(11, LocalTime.of(5, 0), LocalTime.of(8, 0), 40, Load.NONE);
		var b = stop(12, LocalTime.of(5, 0), LocalTime.of(5, 30), 10, Load.NONE);
		var route = Schedules.route(1, TRUCK, List.of(a, b), new int[] { 1, 2 }, matrix(), DAY, ZONE);
		// A 05:00-05:40, B at 05:50: 20 minutes past 05:30
		assertThat(route.stops().get(0).lateMinutes()).isZero();
		assertThat(route.stops().get(1).lateMinutes()).isEqualTo(20);
		assertThat(route.stops().get(1).plannedArrival()).isEqualTo(DAY.atTime(5, 50).atZone(ZONE).toInstant());
	}

	@Test
	void aLaterShiftStartIsKept() {
		var late = new Vehicle(2, "浙A00002", "late", new int[] { 2, 5, 5 }, 300, 300, 6000, 0, null, LocalTime.of(6, 0),
				LocalTime.of(10, 0));
		var a = stop(11, LocalTime.of(5, 0), LocalTime.of(6, 10), 10, Load.NONE);
		var route = Schedules.route(1, late, List.of(a), new int[] { 1 }, matrix(), DAY, ZONE);
		assertThat(route.departAt()).isEqualTo(DAY.atTime(6, 0).atZone(ZONE).toInstant());
		assertThat(route.stops().get(0).lateMinutes()).isEqualTo(10);
	}

	@Test
	void cratesHoldUpToFifteenKilogramsAmbientLessColdAtMostFortyUnits() {
		assertThat(com.linli.logistics.SkuPacking.defaultUnitsPerCrate(StorageTemperature.AMBIENT, 500)).isEqualTo(30);
		assertThat(com.linli.logistics.SkuPacking.defaultUnitsPerCrate(StorageTemperature.CHILLED, 1000)).isEqualTo(12);
		assertThat(com.linli.logistics.SkuPacking.defaultUnitsPerCrate(StorageTemperature.FROZEN, 500)).isEqualTo(20);
		assertThat(com.linli.logistics.SkuPacking.defaultUnitsPerCrate(StorageTemperature.AMBIENT, 100)).isEqualTo(40);
		assertThat(com.linli.logistics.SkuPacking.defaultUnitsPerCrate(StorageTemperature.AMBIENT, 20_000)).isEqualTo(1);
		assertThat(com.linli.logistics.SkuPacking.defaultUnitsPerCrate(StorageTemperature.FROZEN, 0)).isEqualTo(40);
	}

	@Test
	void haversineMatchesAKnownDistance() {
		// one degree of latitude is about 111.2 km
		assertThat(TravelModel.haversine(30, 120, 31, 120)).isBetween(111_000.0, 111_400.0);
	}
}
