package com.linli.marketing.internal.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.CouponChoice;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.TeamIntent;
import com.linli.marketing.TeamTerms;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.junit.jupiter.api.Test;

/** The team price applies to the team listing's line of an order that opens or joins a team, and nowhere else. */
class TeamPriceCalculatorTests {

	static final ListingId PEACHES = new ListingId(1), RICE = new ListingId(2), EGGS = new ListingId(3);

	static final Map<ListingId, TeamTerms> TERMS = Map.of(PEACHES,
			new TeamTerms(PEACHES, 3, 60, Money.ofYuan("12.00"), false), RICE,
			new TeamTerms(RICE, 2, 60, Money.ofYuan("39.00"), true));

	/** Team 70 is of the peaches, team 71 of the rice. */
	final TeamTermsCache cache = new TeamTermsCache(null) {
		@Override
		public Optional<TeamTerms> terms(ListingId listing) {
			return Optional.ofNullable(TERMS.get(listing));
		}

		@Override
		public Optional<ListingId> listingOf(long teamId) {
			return teamId == 70 ? Optional.of(PEACHES) : teamId == 71 ? Optional.of(RICE) : Optional.empty();
		}
	};

	final TeamPriceCalculator calculator = new TeamPriceCalculator(cache);

	static PricingContext context(TeamIntent team, PriceRequest.Line... lines) {
		return new PricingContext(new PriceRequest(new AccountId(5), new RegionId(1), new PickupPointId(1), List.of(lines),
				CouponChoice.none(), 0, team), Instant.parse("2026-12-06T10:00:00Z"));
	}

	static PriceRequest.Line line(ListingId listing, String price, int quantity) {
		return new PriceRequest.Line(listing, new SkuId(listing.value()), new CategoryId(1), Money.ofYuan(price), quantity);
	}

	@Test
	void joiningATeamPaysTheTeamPriceOnItsListingsLineOnly() {
		var context = context(TeamIntent.join(70), line(EGGS, "9.90", 1), line(PEACHES, "20.00", 2), line(RICE, "50.00", 1));
		calculator.apply(context);
		var quote = context.quote();
		assertThat(quote.line(PEACHES).share(DiscountKind.TEAM_PRICE)).isEqualTo(Money.ofYuan("16.00"));
		assertThat(quote.line(PEACHES).payable()).isEqualTo(Money.ofYuan("24.00"));
		assertThat(quote.line(RICE).shares()).isEmpty();
		assertThat(quote.line(EGGS).shares()).isEmpty();
		assertThat(quote.deductions()).singleElement().satisfies(d -> {
			assertThat(d.reference()).isEqualTo("team:70");
			assertThat(d.amount()).isEqualTo(Money.ofYuan("16.00"));
		});
		assertThat(quote.payable()).isEqualTo(Money.ofYuan("83.90"));
	}

	@Test
	void openingATeamPaysTheTeamPriceOnTheFirstTeamListing() {
		var context = context(TeamIntent.open(), line(EGGS, "9.90", 1), line(RICE, "50.00", 1));
		calculator.apply(context);
		assertThat(context.quote().line(RICE).payable()).isEqualTo(Money.ofYuan("39.00"));
		assertThat(context.quote().line(EGGS).payable()).isEqualTo(Money.ofYuan("9.90"));
	}

	@Test
	void withoutATeamOrWithAnUnknownOneThePriceStays() {
		for (TeamIntent intent : new TeamIntent[] { null, TeamIntent.join(999) }) {
			var context = context(intent, line(PEACHES, "20.00", 1));
			calculator.apply(context);
			assertThat(context.quote().payable()).isEqualTo(Money.ofYuan("20.00"));
			assertThat(context.quote().deductions()).isEmpty();
		}
	}

	@Test
	void aLowerPriceAlreadyAppliedIsKept() {
		var context = context(TeamIntent.join(70), line(PEACHES, "20.00", 1));
		context.lowerUnitPrice(0, Money.ofYuan("9.90"), DiscountKind.FLASH_PRICE, "flash:1", com.linli.shared.Text.plain("flash"));
		calculator.apply(context);
		assertThat(context.quote().line(PEACHES).payable()).isEqualTo(Money.ofYuan("9.90"));
		assertThat(context.has(DiscountKind.TEAM_PRICE)).isFalse();
	}
}
