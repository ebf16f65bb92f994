package com.linli.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * The terms a listing sells on, checked together: prices, cap, limit, the sales window and the pickup
 * date. Times are checked in the region's zone: the cutoff falls before the pickup day starts there.
 */
public record ListingTerms(Money groupPrice, Money listPrice, int stockCap, int perResidentLimit, Instant opensAt,
		Instant cutoffAt, LocalDate pickupDate) {

	/** Orders close at 23:00 the evening before pickup unless the operator says otherwise. */
	public static final LocalTime DEFAULT_CUTOFF = LocalTime.of(23, 0);

	static final long MAX_PRICE_FEN = 100_000_000;

	static final int MAX_STOCK_CAP = 1_000_000;

	static final int MAX_PER_RESIDENT_LIMIT = 999;

	static final int MAX_DAYS_AHEAD = 90;

	/** 23:00 of the day before pickup in the region's zone. */
	public static Instant defaultCutoff(LocalDate pickupDate, ZoneId zone) {
		return pickupDate.minusDays(1).atTime(DEFAULT_CUTOFF).atZone(zone).toInstant();
	}

	/** The first instant of the pickup day in the region's zone: the cutoff must come before it. */
	public static Instant pickupDayStart(LocalDate pickupDate, ZoneId zone) {
		return pickupDate.atStartOfDay(zone).toInstant();
	}

	/** Fills in the defaults of a new listing (opens now, the usual cutoff) and checks the result. */
	static ListingTerms forNew(NewListing l, ZoneId zone, Instant now) {
		if (l.pickupDate() == null) {
			throw new InvalidInputException("pickupDate", Text.of("marketing.problem.pickupDateRequired"));
		}
		LocalDate today = now.atZone(zone).toLocalDate();
		if (l.pickupDate().isBefore(today)) {
			throw new InvalidInputException("pickupDate",
					Text.of("marketing.problem.pickupDateInPast", l.pickupDate()));
		}
		if (l.pickupDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			throw new InvalidInputException("pickupDate", Text.of("marketing.problem.pickupDateTooFar", MAX_DAYS_AHEAD));
		}
		var terms = new ListingTerms(l.groupPrice(), l.listPrice(), l.stockCap(), l.perResidentLimit(),
				l.opensAt() != null ? l.opensAt() : now,
				l.cutoffAt() != null ? l.cutoffAt() : defaultCutoff(l.pickupDate(), zone), l.pickupDate());
		terms.check(zone, now);
		return terms;
	}

	/** Throws a 400 naming the first field that is wrong. */
	void check(ZoneId zone, Instant now) {
		if (groupPrice == null) {
			throw new InvalidInputException("groupPrice", Text.of("marketing.problem.groupPriceRequired"));
		}
		if (groupPrice.fen() <= 0) {
			throw new InvalidInputException("groupPrice", Text.of("marketing.problem.groupPriceMustAboveZero"));
		}
		if (groupPrice.fen() > MAX_PRICE_FEN) {
			throw new InvalidInputException("groupPrice", Text.of("marketing.problem.groupPriceTooHigh"));
		}
		if (listPrice != null && listPrice.compareTo(groupPrice) < 0) {
			throw new InvalidInputException("listPrice",
					Text.of("marketing.problem.listPriceMustNotBelowGroup"));
		}
		if (listPrice != null && listPrice.fen() > MAX_PRICE_FEN) {
			throw new InvalidInputException("listPrice", Text.of("marketing.problem.listPriceTooHigh"));
		}
		if (stockCap < 0) {
			throw new InvalidInputException("stockCap", Text.of("marketing.problem.stockCapMustNotNegative"));
		}
		if (stockCap > MAX_STOCK_CAP) {
			throw new InvalidInputException("stockCap", Text.of("marketing.problem.stockCapTooHigh", MAX_STOCK_CAP));
		}
		if (perResidentLimit < 1) {
			throw new InvalidInputException("perResidentLimit", Text.of("marketing.problem.perResidentLimitMustAtLeast"));
		}
		if (perResidentLimit > MAX_PER_RESIDENT_LIMIT) {
			throw new InvalidInputException("perResidentLimit", Text.of("marketing.problem.perResidentLimitTooHigh", MAX_PER_RESIDENT_LIMIT));
		}
		if (!cutoffAt.isBefore(pickupDayStart(pickupDate, zone))) {
			throw new InvalidInputException("cutoffAt", Text.of("marketing.problem.cutoffAfterPickupDay", pickupDate, zone));
		}
		if (!cutoffAt.isAfter(now)) {
			throw new InvalidInputException("cutoffAt", Text.of("marketing.problem.cutoffNotFuture"));
		}
		if (!opensAt.isBefore(cutoffAt)) {
			throw new InvalidInputException("opensAt", Text.of("marketing.problem.openingMustComeBeforeCutoff"));
		}
	}
}
