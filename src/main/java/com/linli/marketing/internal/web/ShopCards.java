package com.linli.marketing.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.linli.marketing.Listing;
import com.linli.marketing.StorefrontItem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns storefront items into cards: prices, "已团 N 件", "仅剩 N 件" when stock runs low, the cutoff in words. */
@Component
class ShopCards {

	/** Stock counts as low at or below this many units... */
	static final int LOW_STOCK_UNITS = 10;

	/** ...or a fifth of the cap. */
	static final int LOW_STOCK_PERCENT = 20;

	private final MessageSource messages;

	ShopCards(MessageSource messages) {
		this.messages = messages;
	}

	List<ShopCard> cards(List<StorefrontItem> items, Instant now, ZoneId zone) {
		return items.stream().map(i -> card(i, now, zone)).toList();
	}

	ShopCard card(StorefrontItem item, Instant now, ZoneId zone) {
		Listing l = item.listing();
		return new ShopCard(l.id().value(), item.sku().productName(), item.sku().spec(), item.sku().imageUrl(),
				l.groupPrice(), l.listPrice(), l.sold(), l.remaining(), isLow(l), l.isSoldOut(),
				text(Wording.cutoff(l.cutoffAt(), now, zone)), Wording.cutoffSoon(l.cutoffAt(), now),
				text(Wording.pickupDay(l.pickupDate(), now.atZone(zone).toLocalDate())));
	}

	String text(Wording.Text text) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(text.key(), text.args(), locale);
	}

	static boolean isLow(Listing l) {
		int remaining = l.remaining();
		return remaining > 0 && (remaining <= LOW_STOCK_UNITS || remaining * 100 <= l.stockCap() * LOW_STOCK_PERCENT);
	}
}
