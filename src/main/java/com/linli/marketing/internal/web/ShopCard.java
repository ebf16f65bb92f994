package com.linli.marketing.internal.web;

import com.linli.shared.Money;

/** One product card of the resident pages, with its texts already worded for the reader's language. */
record ShopCard(long listingId, String name, String spec, String imageUrl, Money groupPrice, Money listPrice, int sold,
		int remaining, boolean lowStock, boolean soldOut, String cutoffText, boolean cutoffSoon, String pickupText) {
}
