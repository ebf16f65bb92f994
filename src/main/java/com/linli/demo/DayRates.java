package com.linli.demo;

/**
 * How a simulated day goes, as shares from 0 to 1: of the residents who order, those who walk away
 * from the cashier ({@code abandon}) and those who cancel after paying ({@code cancelAfterPaying}),
 * the rest pay and keep their order; the pickup points that find units missing on arrival; the ready
 * orders collected on the pickup day ({@code collect}), and of the collections those where the
 * resident takes only part at first ({@code partialPickup}).
 */
public record DayRates(double abandon, double cancelAfterPaying, double shortPickupPoints, double collect,
		double partialPickup) {

	public DayRates {
		check("abandon", abandon);
		check("cancelAfterPaying", cancelAfterPaying);
		check("shortPickupPoints", shortPickupPoints);
		check("collect", collect);
		check("partialPickup", partialPickup);
		if (abandon + cancelAfterPaying > 1) {
			throw new IllegalArgumentException("abandon and cancelAfterPaying together may not exceed 1");
		}
	}

	/** A running business: 90% pay, 8% abandon, 2% cancel after paying, 3% of points short, 92% collected. */
	public static DayRates typical() {
		return new DayRates(0.08, 0.02, 0.03, 0.92, 0.04);
	}

	/** Of the residents who order, those who pay and keep the order. */
	public double pay() {
		return 1 - abandon - cancelAfterPaying;
	}

	private static void check(String name, double share) {
		if (!(share >= 0 && share <= 1)) {
			throw new IllegalArgumentException(name + " must be a share from 0 to 1, not " + share);
		}
	}
}
