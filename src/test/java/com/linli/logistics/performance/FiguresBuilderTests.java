package com.linli.logistics.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.linli.logistics.RouteStatus;
import com.linli.logistics.StopStatus;
import com.linli.logistics.internal.performance.DeliveryQueries.RouteRow;
import com.linli.logistics.internal.performance.DeliveryQueries.StopRow;
import com.linli.logistics.internal.performance.FiguresBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The on-time rule, the delay and the per-crate and per-order rounding, without Spring. */
class FiguresBuilderTests {

	static final Instant END = Instant.parse("2026-11-02T00:00:00Z");

	static StopRow stop(StopStatus status, Integer secondsAfterEnd, int orders) {
		return new StopRow(1, 1, "点", END, orders, status, secondsAfterEnd == null ? null : END.plusSeconds(secondsAfterEnd));
	}

	static RouteRow route(long cost, int crates, double km) {
		return new RouteRow(1, 1, LocalDate.of(2026, 11, 2), 1, 1, 1, 1, "鄂A", null, RouteStatus.COMPLETED, km, cost, crates);
	}

	@Test
	void aStopAtItsWindowsEndIsOnTimeOneSecondLaterIsLateAndSkippedOrPendingStopsAreNot() {
		var f = new FiguresBuilder().route(route(1000, 3, 1.005))
			.stop(stop(StopStatus.HANDED_OVER, 0, 1))
			.stop(stop(StopStatus.ARRIVED, 1, 1))
			.stop(stop(StopStatus.SKIPPED, null, 1))
			.stop(stop(StopStatus.PENDING, null, 0))
			.build();
		assertThat(f.onTime()).isEqualTo(1);
		assertThat(f.late()).isEqualTo(1);
		assertThat(f.skipped()).isEqualTo(1);
		assertThat(f.pending()).isEqualTo(1);
		assertThat(f.onTimePercent()).isEqualByComparingTo("33.3");
		assertThat(f.averageDelayMinutes()).isEqualByComparingTo("0.0");
		assertThat(FiguresBuilder.lateMinutes(stop(StopStatus.ARRIVED, 1, 0))).isEqualTo(1);
		assertThat(FiguresBuilder.lateMinutes(stop(StopStatus.ARRIVED, 600, 0))).isEqualTo(10);
		// 1000 fen over 3 crates is 333.33, over 3 orders 333.33: half up to whole fen
		assertThat(f.costPerCrateFen()).isEqualTo(333L);
		assertThat(f.costPerOrderFen()).isEqualTo(333L);
		assertThat(f.km()).isEqualByComparingTo(new BigDecimal("1.01"));
	}

	@Test
	void nothingReachedHasNoRateAndNoCratesNoCostPerCrate() {
		var f = new FiguresBuilder().route(route(500, 0, 0)).stop(stop(StopStatus.PENDING, null, 0)).build();
		assertThat(f.onTimePercent()).isNull();
		assertThat(f.averageDelayMinutes()).isNull();
		assertThat(f.costPerCrateFen()).isNull();
		assertThat(f.costPerOrderFen()).isNull();
		var half = new FiguresBuilder().route(route(1001, 2, 0)).build();
		assertThat(half.costPerCrateFen()).isEqualTo(501L);
	}
}
