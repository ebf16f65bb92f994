package com.linli.leader;

/** What a proposed pickup point is: a shop (便利店), the applicant's home, or a property office (物业). */
public enum PickupPointKind {
	SHOP, HOME, PROPERTY_OFFICE
}
