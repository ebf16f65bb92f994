package com.linli.inventory.internal.replenish;

import com.linli.inventory.internal.forecast.Prediction;

/**
 * A reorder point with a service level for ambient goods (long shelf life: a leftover is sold later, not
 * wasted). Reorder point = the service level's quantile of the demand over the lead time (days 0 ..
 * lead − 1 from tomorrow, aggregated as {@link CoverDemand} does); when the position (available + on
 * order) is at or below it, order up to the reorder point plus the expected demand of one review period
 * (days lead .. lead + review − 1), else nothing.
 */
public final class ReorderPoint {

	private final int leadTime;

	private final int review;

	private final double serviceLevel;

	public ReorderPoint(int leadTimeDays, int reviewDays, double serviceLevel) {
		if (leadTimeDays < 1 || reviewDays < 1) {
			throw new IllegalArgumentException("lead time and review period are at least a day");
		}
		if (!(serviceLevel >= 0.5 && serviceLevel <= 0.995)) {
			throw new IllegalArgumentException("the service level is between 0.5 and 0.995");
		}
		this.leadTime = leadTimeDays;
		this.review = reviewDays;
		this.serviceLevel = serviceLevel;
	}

	public Decision decide(Prediction forecast, long available, long onOrder) {
		CoverDemand lead = CoverDemand.over(forecast, 0, leadTime);
		CoverDemand next = CoverDemand.over(forecast, leadTime, leadTime + review);
		long reorderPoint = (long) Math.ceil(lead.quantile(serviceLevel) - 1e-9);
		long orderUpTo = reorderPoint + (long) Math.ceil(next.mean() - 1e-9);
		long position = Math.max(0, available) + Math.max(0, onOrder);
		long suggested = position <= reorderPoint ? Math.max(0, orderUpTo - position) : 0;
		return new Decision(leadTime + review, lead, next.mean(), serviceLevel, reorderPoint, orderUpTo, available,
				onOrder, suggested);
	}

	/**
	 * A reorder point's answer: the lead time's demand, the review period's expected units, the service
	 * level, the reorder point, the order-up-to, the stock netted and the purchase.
	 */
	public record Decision(int coverDays, CoverDemand leadDemand, double reviewMean, double serviceLevel,
			long reorderPoint, long orderUpTo, long available, long onOrder, long suggested) {
	}
}
