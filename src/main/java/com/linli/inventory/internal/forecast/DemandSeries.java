package com.linli.inventory.internal.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * One daily series of units sold (one SKU in one region, one item in one store), day 0 at the group's
 * start date, zero-filled; {@code promoted[t]} marks days the item was on promotion (a discounted
 * listing). {@code futurePromoted[h]} says which of the forecast days are planned promotions.
 */
public record DemandSeries(String key, double[] units, boolean[] promoted, boolean[] futurePromoted) {

	public DemandSeries {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(units, "units");
		promoted = promoted == null ? new boolean[units.length] : promoted;
		futurePromoted = futurePromoted == null ? new boolean[0] : futurePromoted;
		if (promoted.length != units.length) {
			throw new IllegalArgumentException("promoted must have one flag per day of units");
		}
		for (double u : units) {
			if (!(u >= 0) || Double.isInfinite(u)) {
				throw new IllegalArgumentException("units must be finite and not negative: " + key);
			}
		}
	}

	public static DemandSeries of(String key, double... units) {
		return new DemandSeries(key, units, null, null);
	}

	/** The first {@code days} days only: what was known before day {@code days}. */
	public DemandSeries upTo(int days, int horizon) {
		boolean[] future = new boolean[horizon];
		for (int h = 0; h < horizon && days + h < promoted.length; h++) {
			future[h] = promoted[days + h];
		}
		return new DemandSeries(key, Arrays.copyOf(units, days), Arrays.copyOf(promoted, days), future);
	}

	public int days() {
		return units.length;
	}

	public boolean promotedAhead(int h) {
		return h < futurePromoted.length && futurePromoted[h];
	}
}
