package com.linli.analytics.internal.products;

import java.util.List;

import com.linli.network.CommunityType;
import com.linli.ordering.ProductSalesFigures.PointSku;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sellers by community type and selection suggestions, on a small city worked out by hand. */
class SelectionTests {

	// P1 and P4 in community 1 (family, 400 households), P2 in community 2 (family, 600), P3 in community 3
	// (senior, 500), P5 in community 5 without an age mix
	static final List<Selection.PointCommunity> POINTS = List.of(
			new Selection.PointCommunity(1, 1, CommunityType.FAMILY, 400),
			new Selection.PointCommunity(2, 2, CommunityType.FAMILY, 600),
			new Selection.PointCommunity(3, 3, CommunityType.SENIOR, 500),
			new Selection.PointCommunity(4, 1, CommunityType.FAMILY, 400),
			new Selection.PointCommunity(5, 5, null, 300));

	static final List<PointSku> SALES = List.of(sold(1, 10, 5), sold(1, 11, 2), sold(2, 10, 10), sold(2, 12, 6),
			sold(2, 13, 3), sold(3, 12, 8), sold(3, 14, 1), sold(4, 15, 4), sold(5, 16, 50));

	@Test
	void bestAndWorstSellersPerCommunityTypeCountEachCommunitysHouseholdsOnce() {
		var types = Selection.sellersByType(SALES, POINTS, 2);

		assertThat(types).extracting(Selection.TypeSellers::type)
			.containsExactly(CommunityType.FAMILY, CommunityType.SENIOR);
		var family = types.get(0);
		// family: communities 1 and 2, 400 + 600 households; SKU 10: 5 + 10 units = 1.5 per 100 households
		assertThat(family.communities()).isEqualTo(2);
		assertThat(family.households()).isEqualTo(1000);
		assertThat(family.best()).containsExactly(new Selection.SkuFigure(10, 15, 1500, 1.5),
				new Selection.SkuFigure(12, 6, 600, 0.6));
		assertThat(family.worst()).containsExactly(new Selection.SkuFigure(11, 2, 200, 0.2),
				new Selection.SkuFigure(13, 3, 300, 0.3));
		var senior = types.get(1);
		assertThat(senior.households()).isEqualTo(500);
		assertThat(senior.best()).extracting(Selection.SkuFigure::skuId).containsExactly(12L, 14L);
		assertThat(senior.best().get(0).unitsPer100Households()).isEqualTo(1.6);
		assertThat(senior.worst()).extracting(Selection.SkuFigure::skuId).containsExactly(14L, 12L);
	}

	@Test
	void suggestionsAreWhatOtherCommunitiesOfTheSameTypeBuyAndThisPointDoesNot() {
		// P1's peers: P2 only (P4 is in P1's own community, P3 is senior); P1 bought 10 and 11 itself
		var suggestions = Selection.suggestions(1, SALES, POINTS, 10);

		assertThat(suggestions).containsExactly(new Selection.Suggestion(12, 6, 1.0, 1),
				new Selection.Suggestion(13, 3, 0.5, 1));
		assertThat(Selection.suggestions(1, SALES, POINTS, 1)).extracting(Selection.Suggestion::skuId)
			.containsExactly(12L);
	}

	@Test
	void noSuggestionWithoutATypeOrWithoutSimilarCommunities() {
		assertThat(Selection.suggestions(5, SALES, POINTS, 10)).as("no age mix recorded").isEmpty();
		assertThat(Selection.suggestions(3, SALES, POINTS, 10)).as("the only senior community").isEmpty();
		assertThat(Selection.suggestions(99, SALES, POINTS, 10)).as("unknown point").isEmpty();
	}

	private static PointSku sold(long point, long sku, long units) {
		return new PointSku(point, sku, 1, units, units * 100);
	}
}
