package com.linli.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import com.linli.shared.Money;

/**
 * A campaign's figures, day by day (the day an order was paid, in the region's zone) and in total, from
 * marketing's own record of the orders that carried one of its discounts: paid and not cancelled orders,
 * their GMV (what was paid), how many were the resident's first paid order, and the campaign's discounts on
 * them (discount cost).
 */
public record CampaignReport(Campaign campaign, List<Day> days, Figures total) {

	public record Day(LocalDate day, Figures figures) {
	}

	public record Figures(long orders, Money gmv, long newResidents, Money discountCost) {

		/**
		 * ROI = GMV / discount cost: yuan of sales per yuan of discount given (2 decimals, half up); null
		 * when nothing was given.
		 */
		public BigDecimal roi() {
			if (discountCost.isZero()) {
				return null;
			}
			return BigDecimal.valueOf(gmv.fen()).divide(BigDecimal.valueOf(discountCost.fen()), 2, RoundingMode.HALF_UP);
		}
	}
}
