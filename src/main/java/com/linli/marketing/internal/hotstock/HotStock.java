package com.linli.marketing.internal.hotstock;

import java.util.Map;

import com.linli.identity.AccountId;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.ListingId;

/**
 * Where a flash sale's units and a coupon template's quantity are taken first. The database stays the record
 * and decides in every case (the conditional updates of {@code ListingReservations} and the coupon issuer);
 * hot stock only answers the losers before it, so that a burst costs the database one transaction per winner.
 * {@code linli.hot-stock=database} (the default) answers nothing here: today's path, not one call more.
 * {@code linli.hot-stock=redis}: an atomic Lua script in Redis ({@link RedisHotStock}).
 */
public interface HotStock {

	/** Why hot stock refused a take: the listing or template it names is sold out, or over the resident's limit. */
	enum Refusal {
		SOLD_OUT, OVER_LIMIT
	}

	/** What refused, and for which listing (null for a coupon template). */
	record Refused(Refusal why, ListingId listing) {
	}

	/**
	 * Takes the resident's units of the flash-sale listings among {@code quantities} (others are left to the
	 * database), in the caller's transaction: given back if it rolls back. Null when taken, or when hot stock has
	 * no say (no flash sale, Redis away or being rebuilt: the database alone decides).
	 */
	Refused take(AccountId resident, Map<ListingId, Integer> quantities);

	/** Units of a listing given back (an order cancelled or expired), once the caller commits. */
	void returned(ListingId listing, AccountId resident, int quantity);

	/** Is the flash-sale listing known to hot stock to be sold out now (on any node)? */
	boolean soldOut(ListingId listing);

	/** Takes one coupon of the template for the resident, in the caller's transaction; null as {@link #take}. */
	Refused takeCoupon(CouponTemplate template, AccountId resident);

	/** Is the template known to hot stock to have none left? */
	boolean couponsGone(long templateId);

	/**
	 * Brings hot stock back to the record: takes never committed are given back, the counters set from the
	 * database. Run by a scheduled job on one node at a time; answers the units corrected.
	 */
	int reconcile();

	/** The database path: the database alone decides, as before hot stock existed. */
	final class Database implements HotStock {

		@Override
		public Refused take(AccountId resident, Map<ListingId, Integer> quantities) {
			return null;
		}

		@Override
		public void returned(ListingId listing, AccountId resident, int quantity) {
		}

		@Override
		public boolean soldOut(ListingId listing) {
			return false;
		}

		@Override
		public Refused takeCoupon(CouponTemplate template, AccountId resident) {
			return null;
		}

		@Override
		public boolean couponsGone(long templateId) {
			return false;
		}

		@Override
		public int reconcile() {
			return 0;
		}
	}
}
