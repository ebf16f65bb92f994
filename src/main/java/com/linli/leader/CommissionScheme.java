package com.linli.leader;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.CategoryId;
import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * A tiered commission scheme (阶梯佣金), the default one ({@code regionId} null) or a region's own.
 *
 * <p>The rule, applied to each picked-up order line when it is handed out:
 * <ol>
 * <li>if the line's category, or the nearest of its parent categories, has an override, that rate;</li>
 * <li>else the rate of the band in which the leader's month-to-date picked-up sales fall, this
 * line included: the calendar month (in the region's time zone) of the pickup, sales net of
 * after-pickup refunds. A band starts at its floor: with bands 0 / 5,000 / 20,000 yuan, sales of
 * exactly 5,000 yuan are in the second band. The whole line takes one rate; earlier lines keep
 * theirs.</li>
 * </ol>
 * Commission = what the resident paid for the units × rate, rounded half-up to the fen.
 *
 * <p>Every scheme is valid: 1 to 10 bands, the first from 0, floors strictly ascending, rates 0 to
 * 50% and never lower than the band below; at most 100 overrides, one per category, rates 0 to 50%.
 */
public record CommissionScheme(RegionId regionId, List<CommissionBand> bands, List<CategoryRate> overrides,
		Instant updatedAt) {

	/** The highest rate a scheme may give: 50%. */
	public static final int MAX_RATE_BASIS_POINTS = 5000;

	public static final int MAX_BANDS = 10;

	public static final int MAX_OVERRIDES = 100;

	public CommissionScheme {
		bands = bands == null ? List.of() : List.copyOf(bands);
		overrides = overrides == null ? List.of() : List.copyOf(overrides);
		validate(bands, overrides);
	}

	/** Is this the default scheme, for regions without their own? */
	public boolean isDefault() {
		return regionId == null;
	}

	/** The rate of one line: see the rule in the class comment. */
	public CommissionRate rateFor(List<CategoryId> categoryPath, Money monthSalesWithLine) {
		for (CategoryId category : categoryPath) {
			var override = overrideFor(category);
			if (override.isPresent()) {
				return CommissionRate.ofCategory(override.get());
			}
		}
		return CommissionRate.ofBand(bandFor(monthSalesWithLine));
	}

	/** The band that monthly sales of this amount fall in. */
	public CommissionBand bandFor(Money monthSales) {
		CommissionBand band = bands.get(0);
		for (CommissionBand b : bands) {
			if (monthSales.compareTo(b.floor()) >= 0) {
				band = b;
			}
		}
		return band;
	}

	/** The band above the one these sales fall in; empty in the top band. */
	public Optional<CommissionBand> nextBand(Money monthSales) {
		return bands.stream().filter(b -> b.floor().isGreaterThan(monthSales)).findFirst();
	}

	public Optional<CategoryRate> overrideFor(CategoryId category) {
		return overrides.stream().filter(o -> o.categoryId().equals(category)).findFirst();
	}

	/** Checks bands and overrides, naming the first wrong field as the API spells it. */
	static void validate(List<CommissionBand> bands, List<CategoryRate> overrides) {
		if (bands.isEmpty()) {
			throw new InvalidInputException("bands", Text.of("leader.problem.atLeastOneBandRequired"));
		}
		if (bands.size() > MAX_BANDS) {
			throw new InvalidInputException("bands", Text.of("leader.problem.atMostBands", MAX_BANDS));
		}
		for (int i = 0; i < bands.size(); i++) {
			var band = bands.get(i);
			if (band == null || band.floor() == null) {
				throw new InvalidInputException("bands[" + i + "].floorFen", Text.of("leader.problem.required"));
			}
			rate("bands[" + i + "].rateBasisPoints", band.rateBasisPoints());
			if (i == 0 && !band.floor().isZero()) {
				throw new InvalidInputException("bands[0].floorFen", Text.of("leader.problem.firstBandStartsAt0"));
			}
			if (i > 0) {
				var below = bands.get(i - 1);
				if (!band.floor().isGreaterThan(below.floor())) {
					throw new InvalidInputException("bands[" + i + "].floorFen",
							Text.of("leader.problem.bandFloorsRise", below.floor()));
				}
				if (band.rateBasisPoints() < below.rateBasisPoints()) {
					throw new InvalidInputException("bands[" + i + "].rateBasisPoints",
							Text.of("leader.problem.bandRatesRise", below.ratePercent()));
				}
			}
		}
		if (overrides.size() > MAX_OVERRIDES) {
			throw new InvalidInputException("overrides",
					Text.of("leader.problem.atMostCategoryRates", MAX_OVERRIDES));
		}
		var seen = new HashSet<CategoryId>();
		for (int i = 0; i < overrides.size(); i++) {
			var override = overrides.get(i);
			if (override == null || override.categoryId() == null) {
				throw new InvalidInputException("overrides[" + i + "].categoryId", Text.of("leader.problem.chooseCategoryRequired"));
			}
			if (!seen.add(override.categoryId())) {
				throw new InvalidInputException("overrides[" + i + "].categoryId",
						Text.of("leader.problem.categoryAlreadyHasRate"));
			}
			rate("overrides[" + i + "].rateBasisPoints", override.rateBasisPoints());
		}
	}

	private static void rate(String field, int basisPoints) {
		if (basisPoints < 0 || basisPoints > MAX_RATE_BASIS_POINTS) {
			throw new InvalidInputException(field, Text.of("leader.problem.rateMust050"));
		}
	}

	/** Basis points as a percentage without trailing zeros: 800 is "8", 1050 is "10.5", 5 is "0.05". */
	static String percent(int basisPoints) {
		return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
	}
}
