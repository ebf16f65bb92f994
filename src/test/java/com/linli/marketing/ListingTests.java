package com.linli.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a listing, without Spring: defaults, validation in the region's zone, guarded changes. */
class ListingTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final ZoneId URUMQI = ZoneId.of("Asia/Urumqi");

	/** 2026-03-09 10:00 in Shanghai. */
	static final Instant NOW = Instant.parse("2026-03-09T02:00:00Z");

	static final LocalDate TOMORROW = LocalDate.of(2026, 3, 10);

	static NewListing newListing(Instant opensAt, Instant cutoffAt, LocalDate pickupDate) {
		return new NewListing(new RegionId(1), new SkuId(2), Money.ofYuan("12.80"), Money.ofYuan("19.90"), 100, 5,
				opensAt, cutoffAt, pickupDate);
	}

	static NewListing withPrices(Money group, Money list, int cap, int limit) {
		return new NewListing(new RegionId(1), new SkuId(2), group, list, cap, limit, null, null, TOMORROW);
	}

	static void assertInvalid(NewListing l, ZoneId zone, String field) {
		assertThatThrownBy(() -> ListingTerms.forNew(l, zone, NOW)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo(field));
	}

	// the cutoff

	@Test
	void defaultCutoffIsElevenPmTheDayBeforePickupInTheRegionsZone() {
		assertThat(ListingTerms.defaultCutoff(TOMORROW, SHANGHAI)).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
		assertThat(ListingTerms.defaultCutoff(TOMORROW, URUMQI)).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
	}

	@Test
	void aNewListingWithoutTimesOpensNowAndClosesAtTheDefaultCutoff() {
		var terms = ListingTerms.forNew(newListing(null, null, TOMORROW), SHANGHAI, NOW);
		assertThat(terms.opensAt()).isEqualTo(NOW);
		assertThat(terms.cutoffAt()).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
	}

	@Test
	void cutoffAtOrAfterTheStartOfThePickupDayIsRefused() {
		Instant midnight = TOMORROW.atStartOfDay(SHANGHAI).toInstant();
		assertInvalid(newListing(null, midnight, TOMORROW), SHANGHAI, "cutoffAt");
		assertInvalid(newListing(null, midnight.plusSeconds(3600), TOMORROW), SHANGHAI, "cutoffAt");
		var justBefore = ListingTerms.forNew(newListing(null, midnight.minusSeconds(60), TOMORROW), SHANGHAI, NOW);
		assertThat(justBefore.cutoffAt()).isEqualTo(midnight.minusSeconds(60));
	}

	@Test
	void thePickupDayStartsInTheRegionsZoneNotTheServers() {
		// 00:30 on the pickup day in Shanghai, but still 22:30 the day before in Urumqi
		Instant cutoff = Instant.parse("2026-03-09T16:30:00Z");
		assertInvalid(newListing(null, cutoff, TOMORROW), SHANGHAI, "cutoffAt");
		assertThat(ListingTerms.forNew(newListing(null, cutoff, TOMORROW), URUMQI, NOW).cutoffAt()).isEqualTo(cutoff);
	}

	@Test
	void aCutoffThatHasPassedIsRefused() {
		assertInvalid(newListing(null, NOW.minusSeconds(1), TOMORROW), SHANGHAI, "cutoffAt");
		assertInvalid(newListing(null, NOW, TOMORROW), SHANGHAI, "cutoffAt");
	}

	@Test
	void pickupTodayHasNoDefaultCutoffLeft() {
		assertInvalid(newListing(null, null, NOW.atZone(SHANGHAI).toLocalDate()), SHANGHAI, "cutoffAt");
	}

	@Test
	void openingMustComeBeforeTheCutoff() {
		assertInvalid(newListing(CUTOFF, null, TOMORROW), SHANGHAI, "opensAt");
		assertInvalid(newListing(CUTOFF.plusSeconds(60), null, TOMORROW), SHANGHAI, "opensAt");
		assertThat(ListingTerms.forNew(newListing(CUTOFF.minusSeconds(60), null, TOMORROW), SHANGHAI, NOW).opensAt())
			.isEqualTo(CUTOFF.minusSeconds(60));
	}

	// inputs

	@Test
	void pickupDateInThePastOrMissingIsRefused() {
		assertInvalid(newListing(null, null, LocalDate.of(2026, 3, 8)), SHANGHAI, "pickupDate");
		assertInvalid(newListing(null, null, null), SHANGHAI, "pickupDate");
	}

	@Test
	void pickupDateMoreThanNinetyDaysAheadIsRefused() {
		assertInvalid(newListing(null, null, LocalDate.of(2026, 3, 9).plusDays(91)), SHANGHAI, "pickupDate");
	}

	@Test
	void groupPriceMustBeAboveZero() {
		assertInvalid(withPrices(null, null, 10, 1), SHANGHAI, "groupPrice");
		assertInvalid(withPrices(Money.ZERO, null, 10, 1), SHANGHAI, "groupPrice");
		assertInvalid(withPrices(Money.ofFen(-1), null, 10, 1), SHANGHAI, "groupPrice");
	}

	@Test
	void listPriceIsOptionalButNeverBelowTheGroupPrice() {
		assertInvalid(withPrices(Money.ofYuan("9.90"), Money.ofYuan("9.89"), 10, 1), SHANGHAI, "listPrice");
		assertThat(ListingTerms.forNew(withPrices(Money.ofYuan("9.90"), Money.ofYuan("9.90"), 10, 1), SHANGHAI, NOW)
			.listPrice()).isEqualTo(Money.ofYuan("9.90"));
		assertThat(ListingTerms.forNew(withPrices(Money.ofYuan("9.90"), null, 10, 1), SHANGHAI, NOW).listPrice())
			.isNull();
	}

	@Test
	void capMayBeZeroButNotNegative() {
		assertInvalid(withPrices(Money.ofFen(100), null, -1, 1), SHANGHAI, "stockCap");
		assertThat(ListingTerms.forNew(withPrices(Money.ofFen(100), null, 0, 1), SHANGHAI, NOW).stockCap()).isZero();
	}

	@Test
	void limitMustBeAtLeastOne() {
		assertInvalid(withPrices(Money.ofFen(100), null, 10, 0), SHANGHAI, "perResidentLimit");
		assertInvalid(withPrices(Money.ofFen(100), null, 10, -3), SHANGHAI, "perResidentLimit");
	}

	// changes

	static final Instant OPENS = NOW.minusSeconds(3600);

	static final Instant CUTOFF = ListingTerms.defaultCutoff(TOMORROW, SHANGHAI);

	static Listing listing(int sold, ListingStatus status) {
		return new Listing(new ListingId(7), new RegionId(1), new SkuId(2), Money.ofYuan("12.80"),
				Money.ofYuan("19.90"), 100, 5, sold, OPENS, CUTOFF, TOMORROW, status, OPENS);
	}

	static ListingChanges changes(int cap) {
		return new ListingChanges(Money.ofYuan("11.80"), Money.ofYuan("19.90"), cap, 3, null, null);
	}

	@Test
	void phaseFollowsTheWindowOpeningIncludedCutoffExcluded() {
		var l = listing(0, ListingStatus.ACTIVE);
		assertThat(l.phaseAt(OPENS.minusMillis(1))).isEqualTo(ListingPhase.UPCOMING);
		assertThat(l.phaseAt(OPENS)).isEqualTo(ListingPhase.OPEN);
		assertThat(l.isOpenAt(CUTOFF.minusMillis(1))).isTrue();
		assertThat(l.phaseAt(CUTOFF)).isEqualTo(ListingPhase.CLOSED);
		assertThat(listing(0, ListingStatus.WITHDRAWN).phaseAt(OPENS)).isEqualTo(ListingPhase.WITHDRAWN);
	}

	@Test
	void remainingIsCapMinusSold() {
		assertThat(listing(40, ListingStatus.ACTIVE).remaining()).isEqualTo(60);
		assertThat(listing(100, ListingStatus.ACTIVE).isSoldOut()).isTrue();
	}

	@Test
	void reviseChangesPricesCapAndLimitAndKeepsTheRest() {
		var revised = listing(30, ListingStatus.ACTIVE).revise(changes(30), SHANGHAI, NOW);
		assertThat(revised.groupPrice()).isEqualTo(Money.ofYuan("11.80"));
		assertThat(revised.stockCap()).isEqualTo(30);
		assertThat(revised.perResidentLimit()).isEqualTo(3);
		assertThat(revised.sold()).isEqualTo(30);
		assertThat(revised.opensAt()).isEqualTo(OPENS);
		assertThat(revised.cutoffAt()).isEqualTo(CUTOFF);
		assertThat(revised.pickupDate()).isEqualTo(TOMORROW);
	}

	@Test
	void capNeverDropsBelowWhatIsSold() {
		assertThatThrownBy(() -> listing(30, ListingStatus.ACTIVE).revise(changes(29), SHANGHAI, NOW))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("stockCap"));
	}

	@Test
	void revisedTermsAreCheckedLikeNewOnes() {
		var badPrice = new ListingChanges(Money.ZERO, null, 100, 1, null, null);
		assertThatThrownBy(() -> listing(0, ListingStatus.ACTIVE).revise(badPrice, SHANGHAI, NOW))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("groupPrice"));
		var lateCutoff = new ListingChanges(Money.ofFen(100), null, 100, 1, null,
				TOMORROW.atStartOfDay(SHANGHAI).toInstant());
		assertThatThrownBy(() -> listing(0, ListingStatus.ACTIVE).revise(lateCutoff, SHANGHAI, NOW))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cutoffAt"));
	}

	@Test
	void nothingChangesAfterTheCutoff() {
		assertThatThrownBy(() -> listing(0, ListingStatus.ACTIVE).revise(changes(100), SHANGHAI, CUTOFF))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("listing-closed"));
		assertThatThrownBy(() -> listing(0, ListingStatus.ACTIVE).withdraw(CUTOFF))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("listing-closed"));
	}

	@Test
	void aWithdrawnListingCannotBeWithdrawnAgainNorChanged() {
		var withdrawn = listing(0, ListingStatus.ACTIVE).withdraw(NOW);
		assertThat(withdrawn.status()).isEqualTo(ListingStatus.WITHDRAWN);
		assertThatThrownBy(() -> withdrawn.withdraw(NOW)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.code()).isEqualTo("illegal-transition"));
		assertThatThrownBy(() -> withdrawn.revise(changes(100), SHANGHAI, NOW))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("listing-withdrawn"));
	}

	// status

	@Test
	void activeMayBeWithdrawnAndWithdrawnIsFinal() {
		assertThat(ListingStatus.ACTIVE.canBecome(ListingStatus.WITHDRAWN)).isTrue();
		assertThat(ListingStatus.ACTIVE.canBecome(ListingStatus.ACTIVE)).isFalse();
		assertThat(ListingStatus.WITHDRAWN.next()).isEmpty();
		assertThatThrownBy(() -> ListingStatus.WITHDRAWN.becomes(ListingStatus.ACTIVE))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining("WITHDRAWN")
			.hasMessageContaining("ACTIVE");
	}
}
