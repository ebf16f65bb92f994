package com.linli.marketing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Component;

/** Listings open now and listings for tomorrow's pickup, for the console home. */
@Component
class ListingFigures implements ConsoleFigures {

	private final Listings listings;

	private final Clock clock;

	ListingFigures(Listings listings, Clock clock) {
		this.listings = listings;
		this.clock = clock;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		Set<Long> scope = regionScope.orElse(null);
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		long open = listings.countOpen(clock.instant(), scope);
		long forTomorrow = listings.countActiveFor(tomorrow, scope);
		return List.of(
				new Figure(40, "console.figure.listingsOpen", String.format("%,d", open), "/console/listings?pickupDate=&status=ACTIVE"),
				new Figure(41, "console.figure.listingsTomorrow", String.format("%,d", forTomorrow),
						"/console/listings?status=ACTIVE&pickupDate=" + tomorrow));
	}
}
