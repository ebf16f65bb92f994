package com.linli.logistics.driving;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.linli.logistics.Load;
import com.linli.logistics.PlannedRoute;
import com.linli.logistics.PlannedStop;
import com.linli.logistics.RouteStatus;
import com.linli.logistics.StopStatus;
import com.linli.logistics.internal.tracking.Eta;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracking board's estimates, by hand: planned arrival + the current delay, never before now. */
class EtaTests {

	static final Instant T = Instant.parse("2026-12-07T22:00:00Z"); // 06:00 in Shanghai

	static PlannedRoute route(RouteStatus status, Instant departedAt) {
		return new PlannedRoute(1, 1, 1, 1, 7L, status, T, T.plusSeconds(3 * 3600), 10, 100, Load.NONE, departedAt, null, 0);
	}

	static PlannedStop stop(int seq, int plannedMinutes, int windowEndMinutes, StopStatus status, Instant arrivedAt) {
		return new PlannedStop(seq, 1, 1, seq, 100 + seq, "点" + seq, "路", 30, 120, T.minusSeconds(3600),
				T.plus(Duration.ofMinutes(windowEndMinutes)), 10, T.plus(Duration.ofMinutes(plannedMinutes)), 0, Load.NONE, 1,
				status, arrivedAt, null, null, 0);
	}

	@Test
	void beforeLeavingTheDelayIsNowMinusThePlannedDeparture() {
		var stops = List.of(stop(1, 20, 120, StopStatus.PENDING, null), stop(2, 40, 50, StopStatus.PENDING, null));
		Instant now = T.plus(Duration.ofMinutes(15));
		assertThat(Eta.delay(route(RouteStatus.LOCKED, null), stops, now)).isEqualTo(Duration.ofMinutes(15));
		var e = Eta.estimates(route(RouteStatus.LOCKED, null), stops, now);
		assertThat(e.get(0).eta()).isEqualTo(T.plus(Duration.ofMinutes(35)));
		assertThat(e.get(0).willMissWindow()).isFalse();
		assertThat(e.get(1).eta()).isEqualTo(T.plus(Duration.ofMinutes(55)));
		assertThat(e.get(1).willMissWindow()).as("06:55 after a window ending 06:50").isTrue();
		assertThat(Eta.delay(route(RouteStatus.PLANNED, null), stops, T.minusSeconds(60))).as("not due yet").isZero();
	}

	@Test
	void afterAnArrivalTheDelayIsThatOfTheLastStopArrivedAt() {
		Instant departed = T.plus(Duration.ofMinutes(5));
		var stops = List.of(stop(1, 20, 120, StopStatus.HANDED_OVER, T.plus(Duration.ofMinutes(32))),
				stop(2, 40, 120, StopStatus.PENDING, null), stop(3, 60, 70, StopStatus.PENDING, null));
		var e = Eta.estimates(route(RouteStatus.DISPATCHED, departed), stops, T.plus(Duration.ofMinutes(35)));
		assertThat(e.get(0).eta()).isNull();
		assertThat(e.get(1).eta()).isEqualTo(T.plus(Duration.ofMinutes(52)));
		assertThat(e.get(2).eta()).isEqualTo(T.plus(Duration.ofMinutes(72)));
		assertThat(e.get(2).willMissWindow()).isTrue();
		// early arrivals do not make the rest early
		var early = List.of(stop(1, 20, 120, StopStatus.ARRIVED, T.plus(Duration.ofMinutes(15))),
				stop(2, 40, 120, StopStatus.PENDING, null));
		assertThat(Eta.estimates(route(RouteStatus.DISPATCHED, T), early, T.plus(Duration.ofMinutes(16))).get(1).eta())
			.isEqualTo(T.plus(Duration.ofMinutes(40)));
	}

	@Test
	void aTruckOverdueAtItsNextStopIsExpectedNowAndTheRestAsMuchLater() {
		var stops = List.of(stop(1, 20, 120, StopStatus.PENDING, null), stop(2, 40, 120, StopStatus.PENDING, null));
		var e = Eta.estimates(route(RouteStatus.DISPATCHED, T), stops, T.plus(Duration.ofMinutes(30)));
		assertThat(e.get(0).eta()).isEqualTo(T.plus(Duration.ofMinutes(30)));
		assertThat(e.get(1).eta()).isEqualTo(T.plus(Duration.ofMinutes(50)));
	}
}
