package com.linli.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * A SKU on sale in a region for one pickup date (团购上架): residents order between {@code opensAt} and
 * {@code cutoffAt}, at most {@code stockCap} units in all and {@code perResidentLimit} each. State
 * changes are guarded methods that return the changed listing.
 */
public record Listing(ListingId id, RegionId regionId, SkuId skuId, Money groupPrice, Money listPrice, int stockCap,
		int perResidentLimit, int sold, Instant opensAt, Instant cutoffAt, LocalDate pickupDate, ListingStatus status,
		Instant createdAt) {

	/** Units still to sell. */
	public int remaining() {
		return Math.max(stockCap - sold, 0);
	}

	public boolean isSoldOut() {
		return sold >= stockCap;
	}

	/** Residents may order at {@code at}: active and {@code opensAt <= at < cutoffAt}. */
	public boolean isOpenAt(Instant at) {
		return phaseAt(at) == ListingPhase.OPEN;
	}

	public ListingPhase phaseAt(Instant at) {
		if (status == ListingStatus.WITHDRAWN) {
			return ListingPhase.WITHDRAWN;
		}
		if (at.isBefore(opensAt)) {
			return ListingPhase.UPCOMING;
		}
		return at.isBefore(cutoffAt) ? ListingPhase.OPEN : ListingPhase.CLOSED;
	}

	/** May an operator still change or withdraw it at {@code at}? Only an active listing before its cutoff. */
	public boolean isEditableAt(Instant at) {
		return status == ListingStatus.ACTIVE && at.isBefore(cutoffAt);
	}

	/** The listing with new terms; the cap never drops below what is sold. */
	Listing revise(ListingChanges changes, ZoneId zone, Instant now) {
		checkEditable(now);
		if (changes.stockCap() < sold) {
			throw new InvalidInputException("stockCap",
					Text.of("marketing.problem.stockCapBelowSold", sold));
		}
		var terms = new ListingTerms(changes.groupPrice(), changes.listPrice(), changes.stockCap(),
				changes.perResidentLimit(), changes.opensAt() != null ? changes.opensAt() : opensAt,
				changes.cutoffAt() != null ? changes.cutoffAt() : cutoffAt, pickupDate);
		terms.check(zone, now);
		return new Listing(id, regionId, skuId, terms.groupPrice(), terms.listPrice(), terms.stockCap(),
				terms.perResidentLimit(), sold, terms.opensAt(), terms.cutoffAt(), pickupDate, status, createdAt);
	}

	/** The listing taken off sale; only before its cutoff, when orders are not yet frozen. */
	Listing withdraw(Instant now) {
		var next = status.becomes(ListingStatus.WITHDRAWN);
		checkEditable(now);
		return new Listing(id, regionId, skuId, groupPrice, listPrice, stockCap, perResidentLimit, sold, opensAt,
				cutoffAt, pickupDate, next, createdAt);
	}

	private void checkEditable(Instant now) {
		if (status != ListingStatus.ACTIVE) {
			throw new BusinessRuleException("listing-withdrawn", Text.of("marketing.problem.listingWithdrawn", id));
		}
		if (!now.isBefore(cutoffAt)) {
			throw new BusinessRuleException("listing-closed",
					Text.of("marketing.problem.listingPastCutoff", id));
		}
	}
}
