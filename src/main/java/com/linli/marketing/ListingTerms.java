package com.linli.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;

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
			throw new InvalidInputException("pickupDate", "提货日期必填 / pickup date is required");
		}
		LocalDate today = now.atZone(zone).toLocalDate();
		if (l.pickupDate().isBefore(today)) {
			throw new InvalidInputException("pickupDate",
					"提货日期不能早于今天 / pickup date " + l.pickupDate() + " is in the past");
		}
		if (l.pickupDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			throw new InvalidInputException("pickupDate", "提货日期最多提前 " + MAX_DAYS_AHEAD
					+ " 天 / pickup date may be at most " + MAX_DAYS_AHEAD + " days ahead");
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
			throw new InvalidInputException("groupPrice", "团购价必填 / group price is required");
		}
		if (groupPrice.fen() <= 0) {
			throw new InvalidInputException("groupPrice", "团购价必须大于 0 / group price must be above zero");
		}
		if (groupPrice.fen() > MAX_PRICE_FEN) {
			throw new InvalidInputException("groupPrice", "团购价过高 / group price is too high");
		}
		if (listPrice != null && listPrice.compareTo(groupPrice) < 0) {
			throw new InvalidInputException("listPrice",
					"划线价不能低于团购价 / list price must not be below the group price");
		}
		if (listPrice != null && listPrice.fen() > MAX_PRICE_FEN) {
			throw new InvalidInputException("listPrice", "划线价过高 / list price is too high");
		}
		if (stockCap < 0) {
			throw new InvalidInputException("stockCap", "限量不能为负数 / stock cap must not be negative");
		}
		if (stockCap > MAX_STOCK_CAP) {
			throw new InvalidInputException("stockCap", "限量最多 " + MAX_STOCK_CAP + " / stock cap may be at most "
					+ MAX_STOCK_CAP);
		}
		if (perResidentLimit < 1) {
			throw new InvalidInputException("perResidentLimit", "每人限购至少 1 件 / per-resident limit must be at least 1");
		}
		if (perResidentLimit > MAX_PER_RESIDENT_LIMIT) {
			throw new InvalidInputException("perResidentLimit", "每人限购最多 " + MAX_PER_RESIDENT_LIMIT
					+ " 件 / per-resident limit may be at most " + MAX_PER_RESIDENT_LIMIT);
		}
		if (!cutoffAt.isBefore(pickupDayStart(pickupDate, zone))) {
			throw new InvalidInputException("cutoffAt", "截单时间必须早于提货日 00:00 / cutoff must come before the pickup day "
					+ pickupDate + " starts in " + zone);
		}
		if (!cutoffAt.isAfter(now)) {
			throw new InvalidInputException("cutoffAt", "截单时间已过 / cutoff is not in the future");
		}
		if (!opensAt.isBefore(cutoffAt)) {
			throw new InvalidInputException("opensAt", "开团时间必须早于截单时间 / opening must come before the cutoff");
		}
	}
}
