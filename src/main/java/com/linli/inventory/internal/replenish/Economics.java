package com.linli.inventory.internal.replenish;

/**
 * What a unit of a SKU is worth, in fen: the price residents pay, the unit cost, and the goodwill a
 * resident who finds it sold out costs beyond the lost margin (they may shop elsewhere next time).
 * Cost of a shortage Cu = price − cost + goodwill (never below 0).
 */
public record Economics(double priceFen, double unitCostFen, double goodwillFen) {

	public Economics {
		if (!(priceFen >= 0 && unitCostFen >= 0 && goodwillFen >= 0) || Double.isInfinite(priceFen + unitCostFen + goodwillFen)) {
			throw new IllegalArgumentException("price, cost and goodwill must be finite and not negative");
		}
	}

	/** The cost of a unit short: the margin lost plus the goodwill. */
	public double shortage() {
		return Math.max(0, priceFen - unitCostFen) + goodwillFen;
	}
}
