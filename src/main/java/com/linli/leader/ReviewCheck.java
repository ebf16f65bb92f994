package com.linli.leader;

/**
 * The operator's checklist before approving an application: each item ticked by hand. Approval needs them all.
 */
public enum ReviewCheck {
	/** The name and the masked ID number agree with the ID card shown (photo or video call). */
	IDENTITY,
	/** The photos show the pickup point as described: space, shelves, storage. */
	PHOTOS,
	/** The position on the map is the address, and the opening hours suit the community. */
	SITE,
	/** A phone call with the applicant: they understand the daily work (receipt, pickups, after-sales). */
	INTERVIEW
}
