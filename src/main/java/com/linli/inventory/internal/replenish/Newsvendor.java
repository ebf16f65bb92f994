package com.linli.inventory.internal.replenish;

import com.linli.inventory.internal.forecast.Prediction;

/**
 * The newsvendor for fresh goods: buy up to the quantile of the cover period's demand at the critical
 * ratio Cu / (Cu + Co), where Cu is the cost of a unit short ({@link Economics#shortage()}) and Co the
 * cost of a unit too many: the unit cost times the share of a leftover unit expected to expire unsold.
 * <p>
 * Timing (day 0 = tomorrow, the forecast's first day): an order placed today arrives before the sales of
 * day {@code leadTime − 1} (lead time 1 = tomorrow morning, the T+1 loop), the next order {@code review}
 * days later; so what is available, on order and bought now covers days 0 .. lead + review − 2, the
 * {@code cover = lead + review − 1} days. A unit bought now can be sold for {@code shelfLife} days from
 * its arrival, i.e. {@code shelfLife − review} days beyond the cover period. A unit left at the end of the
 * cover is not waste yet: the next purchases are netted of it and the oldest units sell first, so it
 * expires only if the demand of those remaining days falls short of what is left over (taken as the
 * safety stock, order-up-to − mean of the cover, at least one unit). Waste share w = 1 when the shelf life
 * ends within the review period, else P(demand beyond &lt; leftover), normal with the spread of the
 * forecast's quantiles. Co depends on the order-up-to through the leftover; three rounds settle it.
 * <p>
 * Suggested purchase = max(0, ⌈order-up-to⌉ − available − on order).
 */
public final class Newsvendor {

	/** The critical ratio is kept within these bounds (quantiles beyond 0.99 are extrapolations). */
	static final double MIN_RATIO = 0.01;

	static final double MAX_RATIO = 0.99;

	/** Rounds of waste share → critical ratio → order-up-to → waste share. */
	static final int ROUNDS = 3;

	private final int leadTime;

	private final int review;

	private final int shelfLife;

	public Newsvendor(int leadTimeDays, int reviewDays, int shelfLifeDays) {
		if (leadTimeDays < 1 || reviewDays < 1 || shelfLifeDays < 1) {
			throw new IllegalArgumentException("lead time, review period and shelf life are at least a day");
		}
		this.leadTime = leadTimeDays;
		this.review = reviewDays;
		this.shelfLife = shelfLifeDays;
	}

	/** Days the position covers from tomorrow: lead time + review period − 1. */
	public int coverDays() {
		return leadTime + review - 1;
	}

	/**
	 * What to buy: the cover period's demand, the critical ratio and its quantile (the order-up-to), the
	 * waste share, the units expected to expire, and the purchase net of available and on-order stock.
	 */
	public Decision decide(Prediction forecast, Economics economics, long available, long onOrder) {
		int cover = coverDays();
		CoverDemand demand = CoverDemand.over(forecast, 0, cover);
		int life = shelfLife - review;
		CoverDemand beyond = life > 0 ? CoverDemand.over(forecast, cover, cover + life) : null;
		double waste = 1;
		double ratio = 0;
		double orderUpTo = 0;
		for (int round = 0; round < ROUNDS; round++) {
			ratio = ratio(economics.shortage(), economics.unitCostFen() * waste);
			orderUpTo = demand.quantile(ratio);
			if (beyond == null || round == ROUNDS - 1) {
				break;
			}
			waste = beyond.chanceBelow(Math.max(1, orderUpTo - demand.mean()));
		}
		return decision(demand, economics.shortage(), economics.unitCostFen() * waste, waste, ratio, orderUpTo, available,
				onOrder);
	}

	/**
	 * As {@link #decide(Prediction, Economics, long, long)} at a given ratio, when the economics are not known
	 * (no cost on record): the waste share is still reported, Cu and Co are not (NaN).
	 */
	public Decision decideAt(Prediction forecast, double ratio, long available, long onOrder) {
		int cover = coverDays();
		CoverDemand demand = CoverDemand.over(forecast, 0, cover);
		double r = Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));
		double orderUpTo = demand.quantile(r);
		int life = shelfLife - review;
		double waste = life > 0 ? CoverDemand.over(forecast, cover, cover + life)
			.chanceBelow(Math.max(1, orderUpTo - demand.mean())) : 1;
		return decision(demand, Double.NaN, Double.NaN, waste, r, orderUpTo, available, onOrder);
	}

	private Decision decision(CoverDemand demand, double underage, double overage, double waste, double ratio,
			double orderUpTo, long available, long onOrder) {
		long upTo = (long) Math.ceil(orderUpTo - 1e-9);
		double expectedWaste = waste * demand.expectedLeftover(upTo);
		long suggested = Math.max(0, upTo - Math.max(0, available) - Math.max(0, onOrder));
		return new Decision(demand.days(), demand, underage, overage, waste, ratio, upTo, available, onOrder, expectedWaste,
				suggested);
	}

	/** Cu / (Cu + Co) within [0.01, 0.99]; 0.5 when both are nothing. */
	static double ratio(double underage, double overage) {
		if (underage + overage <= 0) {
			return 0.5;
		}
		return Math.min(MAX_RATIO, Math.max(MIN_RATIO, underage / (underage + overage)));
	}

	/**
	 * A newsvendor's answer: the cover period's demand, Cu and Co per unit (fen), the share of a leftover unit
	 * expected to expire, the critical ratio (the quantile bought to), the order-up-to, the stock netted, the
	 * units expected to expire, and the purchase.
	 */
	public record Decision(int coverDays, CoverDemand demand, double underage, double overage, double wasteShare,
			double criticalRatio, long orderUpTo, long available, long onOrder, double expectedWaste, long suggested) {
	}
}
