package com.linli.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.inventory.internal.Fefo;
import com.linli.network.WarehouseId;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The formulas of DESIGN.md section 6 and first-expiry-first-out picking, without Spring. */
class SafetyStockTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	@Test
	void safetyStockIsAverageDailySalesTimesSafetyDaysTimesSeasonRoundedUp() {
		var s = SafetyStock.of(30, 14, 10, new BigDecimal("1.5"), new BigDecimal("1.2"));
		assertThat(s.averageDailySales()).isEqualByComparingTo("2.14");
		// 2.14 x 1.5 x 1.2 = 3.852 -> 4
		assertThat(s.safetyStock()).isEqualTo(4);
		assertThat(s.daysOfCover()).isEqualByComparingTo("4.7");
		assertThat(s.stockOutRisk(3)).isTrue();
		assertThat(s.stockOutRisk(4)).isFalse();
	}

	@Test
	void nothingSoldMeansNoRiskAndCoverWithoutEnd() {
		var s = SafetyStock.of(0, 14, 50, new BigDecimal("1.5"), BigDecimal.ONE);
		assertThat(s.safetyStock()).isZero();
		assertThat(s.daysOfCover()).isNull();
		assertThat(s.stockOutRisk(0)).isFalse();
		assertThat(s.overstock(50, new BigDecimal("30"), false)).isFalse();
		assertThat(s.overstock(50, new BigDecimal("30"), true)).isTrue();
	}

	@Test
	void overstockWhenDaysOfCoverAboveTheThreshold() {
		var s = SafetyStock.of(14, 14, 31, new BigDecimal("1.5"), BigDecimal.ONE);
		assertThat(s.daysOfCover()).isEqualByComparingTo("31.0");
		assertThat(s.overstock(31, new BigDecimal("30"), false)).isTrue();
		assertThat(SafetyStock.of(14, 14, 30, BigDecimal.ONE, BigDecimal.ONE).overstock(30, new BigDecimal("30"), false))
			.isFalse();
	}

	@Test
	void nearExpiryWithinDaysOrTheLastThirdOfShelfLife() {
		assertThat(SafetyStock.nearExpiry(TODAY, TODAY.minusDays(1), TODAY.plusDays(2), 2)).isTrue();
		assertThat(SafetyStock.nearExpiry(TODAY, TODAY.minusDays(1), TODAY.plusDays(29), 2)).isFalse();
		// 30 days of shelf life, 10 left: the last third
		assertThat(SafetyStock.nearExpiry(TODAY, TODAY.minusDays(20), TODAY.plusDays(10), 2)).isTrue();
		assertThat(SafetyStock.nearExpiry(TODAY, TODAY.minusDays(19), TODAY.plusDays(11), 2)).isFalse();
		assertThat(SafetyStock.nearExpiry(TODAY, null, null, 2)).isFalse();
	}

	@Test
	void fefoTakesTheBatchExpiringFirstAndBatchesWithoutExpiryLast() {
		var noExpiry = batch(1, null, 5, Instant.parse("2026-11-01T00:00:00Z"));
		var late = batch(2, TODAY.plusDays(5), 4, Instant.parse("2026-11-02T00:00:00Z"));
		var soonOld = batch(3, TODAY.plusDays(1), 2, Instant.parse("2026-11-03T00:00:00Z"));
		var soonNew = batch(4, TODAY.plusDays(1), 3, Instant.parse("2026-11-04T00:00:00Z"));
		var empty = batch(5, TODAY, 0, Instant.parse("2026-11-01T00:00:00Z"));

		var picks = Fefo.pick(List.of(noExpiry, late, soonNew, empty, soonOld), 8);

		assertThat(picks).extracting(p -> p.batch().id().value(), Fefo.Pick::units)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 2L), org.assertj.core.groups.Tuple.tuple(4L, 3L),
					org.assertj.core.groups.Tuple.tuple(2L, 3L));
		assertThat(Fefo.total(Fefo.pick(List.of(late, soonOld), 100))).isEqualTo(6);
	}

	@Test
	void clearanceDiscountDeepensAsExpiryNears() {
		assertThat(Clearance.discountPercent(AlertKind.NEAR_EXPIRY, 1, null, BigDecimal.TEN)).isEqualTo(40);
		assertThat(Clearance.discountPercent(AlertKind.NEAR_EXPIRY, 3, null, BigDecimal.TEN)).isEqualTo(30);
		assertThat(Clearance.discountPercent(AlertKind.NEAR_EXPIRY, 6, null, BigDecimal.TEN)).isEqualTo(20);
		assertThat(Clearance.discountPercent(AlertKind.OVERSTOCK, 0, new BigDecimal("45"), new BigDecimal("30")))
			.isEqualTo(20);
		assertThat(Clearance.discountPercent(AlertKind.OVERSTOCK, 0, new BigDecimal("61"), new BigDecimal("30")))
			.isEqualTo(30);
		assertThat(Clearance.discounted(Money.ofFen(1990), 30)).isEqualTo(Money.ofFen(1393));
	}

	private static StockBatch batch(long id, LocalDate expires, long remaining, Instant receivedAt) {
		return new StockBatch(new StockBatchId(id), new WarehouseId(1), new SkuId(1), "B" + id, null, expires, 10,
				remaining, receivedAt);
	}
}
