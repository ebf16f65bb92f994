package com.linli.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The formulas of DESIGN.md section 6 for one SKU in one warehouse. Safety stock = average daily sales over
 * the last N days x safety factor (days of cover to keep) x seasonal factor of the month, rounded up to a
 * whole unit. Days of cover = available / average daily sales (none when nothing sold). Near expiry = the
 * batch expires within {@code nearExpiryDays} days or within the last third of its shelf life.
 */
public record SafetyStock(BigDecimal averageDailySales, long safetyStock, BigDecimal daysOfCover) {

	/** Average daily sales over the window, two decimals. */
	public static BigDecimal averageDailySales(long unitsSold, int windowDays) {
		if (windowDays <= 0) {
			throw new IllegalArgumentException("window must be at least one day");
		}
		return BigDecimal.valueOf(Math.max(unitsSold, 0)).divide(BigDecimal.valueOf(windowDays), 2, RoundingMode.HALF_UP);
	}

	public static long safetyStock(BigDecimal averageDailySales, BigDecimal safetyDays, BigDecimal seasonalFactor) {
		return averageDailySales.multiply(safetyDays).multiply(seasonalFactor).setScale(0, RoundingMode.CEILING)
			.longValueExact();
	}

	/** Days the available units last at the average daily sales; null when nothing sells (cover without end). */
	public static BigDecimal daysOfCover(long available, BigDecimal averageDailySales) {
		if (averageDailySales.signum() == 0) {
			return null;
		}
		return BigDecimal.valueOf(Math.max(available, 0)).divide(averageDailySales, 1, RoundingMode.HALF_UP);
	}

	public static SafetyStock of(long unitsSold, int windowDays, long available, BigDecimal safetyDays,
			BigDecimal seasonalFactor) {
		BigDecimal avg = averageDailySales(unitsSold, windowDays);
		return new SafetyStock(avg, safetyStock(avg, safetyDays, seasonalFactor), daysOfCover(available, avg));
	}

	/** Stock-out risk: something sells and fewer units are available than the safety stock. */
	public boolean stockOutRisk(long available) {
		return averageDailySales.signum() > 0 && available < safetyStock;
	}

	/**
	 * Overstock: more days of cover than the threshold; when nothing sold in the whole window, stock that has
	 * been there longer than the window counts as overstock ({@code idleSinceBeforeWindow}).
	 */
	public boolean overstock(long available, BigDecimal thresholdDays, boolean idleSinceBeforeWindow) {
		if (available <= 0) {
			return false;
		}
		return daysOfCover == null ? idleSinceBeforeWindow : daysOfCover.compareTo(thresholdDays) > 0;
	}

	public static boolean nearExpiry(LocalDate today, LocalDate producedOn, LocalDate expiresOn, int nearExpiryDays) {
		if (expiresOn == null) {
			return false;
		}
		long daysLeft = ChronoUnit.DAYS.between(today, expiresOn);
		if (daysLeft <= nearExpiryDays) {
			return true;
		}
		if (producedOn == null) {
			return false;
		}
		long shelfLife = ChronoUnit.DAYS.between(producedOn, expiresOn);
		return daysLeft * 3 <= shelfLife;
	}
}
