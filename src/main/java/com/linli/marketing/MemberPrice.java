package com.linli.marketing;

import com.linli.shared.Money;

/** A member price: residents of level {@code minRank} or above pay {@code price} a unit of the listing. */
public record MemberPrice(ListingId listing, int minRank, Money price) {
}
