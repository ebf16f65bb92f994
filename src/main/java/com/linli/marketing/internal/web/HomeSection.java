package com.linli.marketing.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.network.PickupPoint;

/**
 * A section of the storefront's home page that a marketing tool brings (flash sales with their countdown,
 * open group-buy teams, the new-resident offer, the coupon centre, check-in): a bean of the tool's own web
 * package. The home page shows the sections in ascending {@link #position()}, each by its template
 * fragment {@code <template> :: section(model)}, above the day's listings.
 */
public interface HomeSection {

	int position();

	/** The template holding a fragment {@code section(model)}, e.g. "marketing/home-flash". */
	String template();

	/** What the fragment shows to this resident at this pickup point now; empty: the section is not shown. */
	Optional<Object> model(AccountId resident, PickupPoint point, Instant now, ZoneId zone);

	/** A section as the home page shows it. */
	record Shown(String template, Object model) {
	}
}
