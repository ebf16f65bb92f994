package com.linli.marketing;

import java.time.Instant;

import com.linli.shared.Money;

/**
 * What an operator asks for to turn a listing into a flash sale: the flash price (below the group price),
 * the start, optionally the end (default: the listing's cutoff), and early access ({@code earlyAccessMinutes}
 * before the start for levels of rank {@code earlyAccessRank} or higher; 0 / null: none).
 */
public record NewFlashSale(ListingId listing, Money flashPrice, Instant startsAt, Instant endsAt,
		int earlyAccessMinutes, Integer earlyAccessRank) {
}
