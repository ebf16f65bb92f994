package com.linli.aftersales;

/**
 * Why a resident asks. {@link #QUALITY} is the supplier's cause: a refund for it charges the supplier back
 * (when the goods came from them). {@link #productCause()} reasons count against the product (and its
 * supplier) in refund rates, scorecards and the quality alert.
 */
public enum RequestReason {

	QUALITY, WRONG_ITEM, MISSING, DAMAGED, EXPIRED, OTHER;

	/** The supplier answers for it: a refund charges the supplier back. */
	public boolean supplierCause() {
		return this == QUALITY;
	}

	/** The goods themselves were at fault (not the resident's change of mind or a sorting slip). */
	public boolean productCause() {
		return this == QUALITY || this == DAMAGED || this == EXPIRED;
	}
}
