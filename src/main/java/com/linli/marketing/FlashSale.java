package com.linli.marketing;

import java.time.Instant;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A flash sale (秒杀): a listing sold at {@code flashPrice} from {@code startsAt} until {@code endsAt} (at the
 * latest the listing's cutoff). Its cap and strict per-resident limit are the listing's (the reservation
 * keeps units sold = min(demand, cap)). Residents of a level of rank {@code earlyAccessRank} or higher may
 * buy {@code earlyAccessMinutes} before the start; everybody else is refused before it.
 */
public record FlashSale(ListingId listing, RegionId region, Money flashPrice, Instant startsAt, Instant endsAt,
		int earlyAccessMinutes, Integer earlyAccessRank) {

	/** When a resident of {@code rank} may start buying. */
	public Instant startsFor(int rank) {
		return earlyAccessMinutes > 0 && earlyAccessRank != null && rank >= earlyAccessRank
				? startsAt.minusSeconds(60L * earlyAccessMinutes) : startsAt;
	}

	/** Is the flash price on at {@code at} for everybody? */
	public boolean runningAt(Instant at) {
		return !at.isBefore(startsAt) && at.isBefore(endsAt);
	}

	/** Might a resident of some rank buy already at {@code at} (the early-access window)? */
	public boolean inEarlyWindowAt(Instant at) {
		return at.isBefore(startsAt) && !at.isBefore(startsFor(Integer.MAX_VALUE));
	}

	public boolean endedAt(Instant at) {
		return !at.isBefore(endsAt);
	}
}
