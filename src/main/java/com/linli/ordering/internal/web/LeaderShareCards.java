package com.linli.ordering.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.linli.marketing.Listing;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.SharePoster;
import com.linli.marketing.SharePosters;
import com.linli.network.PickupPoint;
import com.linli.ordering.internal.ChainTexts;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The leader's sharing tools (分享): a share card per listing open now at the leader's pickup point (product,
 * prices, the countdown to cutoff at render time, the pickup date, the point and a QR code of the point's
 * storefront link {@code /shop/points/{point}?listing={id}}), and the chat text, which is the 接龙 text of
 * {@code /leader/chain}. Only the leader's own pickup point: another's is refused (403).
 */
@Component
class LeaderShareCards {

	private final KeptPickupPoints points;

	private final ChainTexts chains;

	private final ListingManagement listings;

	private final SharePosters posters;

	private final MessageSource messages;

	private final Clock clock;

	LeaderShareCards(KeptPickupPoints points, ChainTexts chains, ListingManagement listings, SharePosters posters,
			MessageSource messages, Clock clock) {
		this.points = points;
		this.chains = chains;
		this.listings = listings;
		this.posters = posters;
		this.messages = messages;
		this.clock = clock;
	}

	/** One card: what it shows, in words already. */
	record Card(long listingId, String name, String spec, Money price, Money listPrice, Instant cutoffAt,
			String countdown, LocalDate pickupDate, String pickupLine) {
	}

	/** The pickup point the leader keeps, which must be the one asked for (null: their own). */
	PickupPoint point(Long asked) {
		PickupPoint point = points.require();
		if (asked != null && asked != point.id().value()) {
			throw new AccessDeniedException(Text.of("ordering.problem.shareOtherPickupPoint").inReadersLanguage());
		}
		return point;
	}

	/** Today's chain of the point (the listings open now and who ordered what). */
	ChainTexts.Chain chain(PickupPoint point) {
		return chains.chain(point, points.today(point), clock.instant());
	}

	List<Card> cards(PickupPoint point, Locale locale) {
		Instant now = clock.instant();
		var chain = chain(point);
		var found = listings.cachedListings(chain.items().stream().map(ChainTexts.Item::listingId).toList());
		List<Card> cards = new ArrayList<>();
		for (var item : chain.items()) {
			Listing l = found.get(item.listingId());
			if (l != null) {
				cards.add(new Card(l.id().value(), item.name(), item.spec(), l.groupPrice(), l.listPrice(), l.cutoffAt(),
						countdown(l.cutoffAt(), now, locale), l.pickupDate(), pickupLine(l.pickupDate(), locale)));
			}
		}
		return cards;
	}

	Card card(PickupPoint point, long listingId, Locale locale) {
		return cards(point, locale).stream()
			.filter(c -> c.listingId() == listingId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("listing", listingId));
	}

	/** The card as PNG, its QR code leading to the point's storefront (on the host the leader reached us by). */
	byte[] png(PickupPoint point, Card card) {
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/shop/points/{point}")
			.queryParam("listing", card.listingId())
			.buildAndExpand(point.id().value())
			.toUriString();
		return posters.png(new SharePoster(card.name(), card.spec(), card.price().toString(),
				card.listPrice() == null ? null : card.listPrice().toString(), point.name(), card.pickupLine(),
				card.countdown(), url));
	}

	/** The chat text: the 接龙 of the leader's chain page. */
	String text(PickupPoint point, Locale locale) {
		return LeaderChainPageController.text(messages, chain(point), locale);
	}

	/** "距截单 3小时12分", from now (the injected clock) to the cutoff; "已截单" once passed. */
	String countdown(Instant cutoff, Instant now, Locale locale) {
		if (!now.isBefore(cutoff)) {
			return messages.getMessage("leaderShare.closed", null, locale);
		}
		Duration left = Duration.between(now, cutoff);
		return messages.getMessage("leaderShare.countdown", new Object[] { left.toHours(), left.toMinutesPart() },
				locale);
	}

	private String pickupLine(LocalDate date, Locale locale) {
		return messages.getMessage("leaderShare.pickupOn",
				new Object[] { date.getMonthValue(), date.getDayOfMonth() }, locale);
	}
}
