package com.linli.marketing.internal.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.Gift;
import com.linli.marketing.ListingId;
import com.linli.marketing.Offer;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.junit.jupiter.api.Test;

/** The new-resident, 1-yuan and gift calculators on a plain pricing context, without Spring. */
class OfferCalculatorTests {

	static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	static final RegionId REGION = new RegionId(1);

	/** A resident as the test says: new or not, 1-yuan offer used or not; counts the lookups. */
	static final class Resident implements Residents {

		boolean isNew;

		boolean used;

		int lookups;

		Resident(boolean isNew, boolean used) {
			this.isNew = isNew;
			this.used = used;
		}

		@Override
		public boolean isNew(AccountId resident) {
			lookups++;
			return isNew;
		}

		@Override
		public boolean usedOneYuanOffer(AccountId resident) {
			lookups++;
			return used;
		}
	}

	static Offer offer(long id, long listing, Offer.Kind kind, Offer.Audience audience, long priceFen) {
		return new Offer(id, REGION, new ListingId(listing), kind, audience, Money.ofFen(priceFen), NOW.minusSeconds(60),
				NOW.plusSeconds(60), true);
	}

	static PriceRequest.Line line(long listing, long unitFen, int quantity) {
		return new PriceRequest.Line(new ListingId(listing), new SkuId(listing), new CategoryId(1), Money.ofFen(unitFen), quantity);
	}

	static PriceQuote price(RegionOffers book, Resident resident, PriceRequest.Line... lines) {
		var c = new PricingContext(PriceRequest.of(new AccountId(7), REGION, new PickupPointId(1), List.of(lines)), NOW);
		new NewResidentCalculator(r -> book, resident).apply(c);
		new OneYuanCalculator(r -> book, resident).apply(c);
		new GiftCalculator(r -> book).apply(c);
		return c.quote();
	}

	static RegionOffers offers(Offer... offers) {
		return RegionOffers.of(List.of(offers), List.of());
	}

	@Test
	void aNewResidentPaysTheOfferPriceForOneUnit() {
		var book = offers(offer(1, 1, Offer.Kind.NEW_RESIDENT, Offer.Audience.NEW_RESIDENTS, 990));
		var q = price(book, new Resident(true, false), line(1, 2990, 2));
		assertThat(q.line(new ListingId(1)).share(DiscountKind.NEW_RESIDENT_OFFER)).isEqualTo(Money.ofFen(2000));
		assertThat(q.payable()).isEqualTo(Money.ofFen(990 + 2990));
		assertThat(q.deductions()).singleElement().satisfies(d -> assertThat(d.reference()).isEqualTo("offer:1"));
	}

	@Test
	void aResidentWithAPaidOrderGetsNoNewResidentOffer() {
		var book = offers(offer(1, 1, Offer.Kind.NEW_RESIDENT, Offer.Audience.NEW_RESIDENTS, 990));
		assertThat(price(book, new Resident(false, false), line(1, 2990, 1)).deductions()).isEmpty();
	}

	@Test
	void theResidentIsNotLookedUpWhenNoLineHasAnOffer() {
		var book = offers(offer(1, 1, Offer.Kind.NEW_RESIDENT, Offer.Audience.NEW_RESIDENTS, 990));
		var resident = new Resident(true, false);
		price(book, resident, line(2, 2990, 1));
		assertThat(resident.lookups).isZero();
	}

	@Test
	void oneOneYuanOfferPerOrderTheOneSavingTheMost() {
		var book = offers(offer(1, 1, Offer.Kind.ONE_YUAN, Offer.Audience.EVERYONE, 100),
				offer(2, 2, Offer.Kind.ONE_YUAN, Offer.Audience.EVERYONE, 100));
		var q = price(book, new Resident(false, false), line(1, 1500, 1), line(2, 2500, 3));
		assertThat(q.deductions()).singleElement().satisfies(d -> {
			assertThat(d.reference()).isEqualTo("offer:2");
			assertThat(d.amount()).isEqualTo(Money.ofFen(2400));
		});
		assertThat(q.payable()).isEqualTo(Money.ofFen(1500 + 100 + 2 * 2500));
	}

	@Test
	void aResidentWhoUsedTheirOneYuanOfferGetsNoOther() {
		var book = offers(offer(1, 1, Offer.Kind.ONE_YUAN, Offer.Audience.EVERYONE, 100));
		assertThat(price(book, new Resident(true, true), line(1, 1500, 1)).deductions()).isEmpty();
	}

	@Test
	void aOneYuanOfferForNewResidentsOnlySkipsTheOthers() {
		var book = offers(offer(1, 1, Offer.Kind.ONE_YUAN, Offer.Audience.NEW_RESIDENTS, 100));
		assertThat(price(book, new Resident(false, false), line(1, 1500, 1)).deductions()).isEmpty();
		assertThat(price(book, new Resident(true, false), line(1, 1500, 1)).payable()).isEqualTo(Money.ofFen(100));
	}

	@Test
	void aLineWithTheNewResidentOfferDoesNotAlsoGetTheOneYuanOffer() {
		var book = offers(offer(1, 1, Offer.Kind.NEW_RESIDENT, Offer.Audience.NEW_RESIDENTS, 990),
				offer(2, 1, Offer.Kind.ONE_YUAN, Offer.Audience.EVERYONE, 100));
		var q = price(book, new Resident(true, false), line(1, 2990, 1));
		assertThat(q.deductions()).extracting(PriceQuote.Deduction::kind).containsExactly(DiscountKind.NEW_RESIDENT_OFFER);
	}

	@Test
	void theGiftOfTheHighestThresholdReachedIsNoted() {
		var gifts = new ArrayList<Gift>();
		gifts.add(new Gift(1, REGION, Money.ofFen(5000), "鸡蛋一盒", NOW.minusSeconds(60), NOW.plusSeconds(60), true));
		gifts.add(new Gift(2, REGION, Money.ofFen(9900), "食用油一桶", NOW.minusSeconds(60), NOW.plusSeconds(60), true));
		var book = RegionOffers.of(List.of(), gifts);
		var q = price(book, new Resident(false, false), line(1, 6000, 1));
		assertThat(q.notes()).singleElement().satisfies(n -> assertThat(n.args()).containsExactly("50", "鸡蛋一盒"));
		assertThat(GiftCalculator.giftOf(book, q, NOW)).map(Gift::id).contains(1L);
		assertThat(price(book, new Resident(false, false), line(1, 4999, 1)).notes()).isEmpty();
	}
}
