package com.linli.leader;

import java.util.Locale;
import java.util.function.Function;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * The figures a region's leaders are ranked by; each reads its value off a {@link LeaderPerformance} (null: no
 * value, ranked last) and knows whether more is better (complaints: fewer is better).
 */
public enum PerformanceFigure {

	SALES(p -> (double) p.salesFen(), true),
	ORDERS(p -> (double) p.orders(), true),
	CUSTOMERS(p -> (double) p.customers(), true),
	NEW_CUSTOMERS(p -> (double) p.newCustomers(), true),
	REPURCHASE_RATE(LeaderPerformance::repurchaseRate, true),
	AVERAGE_ORDER(p -> p.averageOrderFen() == null ? null : (double) p.averageOrderFen(), true),
	ON_TIME_RECEIPT_RATE(LeaderPerformance::onTimeReceiptRate, true),
	COLLECTED_WITHIN_DAY_RATE(LeaderPerformance::collectedWithinDayRate, true),
	COMPLAINT_RATE(LeaderPerformance::complaintRate, false),
	RATING(LeaderPerformance::averageStars, true),
	COMMISSION(p -> (double) p.commissionFen(), true);

	private final Function<LeaderPerformance, Double> value;

	private final boolean higherIsBetter;

	PerformanceFigure(Function<LeaderPerformance, Double> value, boolean higherIsBetter) {
		this.value = value;
		this.higherIsBetter = higherIsBetter;
	}

	public Double of(LeaderPerformance performance) {
		return value.apply(performance);
	}

	public boolean higherIsBetter() {
		return higherIsBetter;
	}

	/** The message key of the figure's label. */
	public String labelKey() {
		return "leader.performance.figure." + name();
	}

	/** A figure named in a request (e.g. {@code sales}, {@code repurchase_rate}; none: sales); else 400. */
	public static PerformanceFigure parse(String value) {
		if (value == null || value.isBlank()) {
			return SALES;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("sort", Text.of("leader.problem.performanceFigure", value));
		}
	}
}
