package com.linli.analytics.internal.communities;

import java.util.List;

import com.linli.network.CommunityType;
import com.linli.ordering.ProductSalesFigures.PointCategory;
import com.linli.ordering.ProductSalesFigures.PointOrders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Penetration, average order value, frequency, growth and category mix, worked out by hand. */
class ComparisonTests {

	@Test
	void rowsAreRankedByPenetrationWithTheirRatios() {
		var points = List.of(new Comparison.Point(1, "A", 11, "甲小区", CommunityType.FAMILY, 800),
				new Comparison.Point(2, "B", 12, "乙小区", CommunityType.SENIOR, 400),
				new Comparison.Point(3, "C", 13, "丙小区", null, 0));
		var current = List.of(new PointOrders(1, 40, 100, 500_000), new PointOrders(2, 40, 50, 150_000));
		var previous = List.of(new PointOrders(1, 30, 80, 400_000));
		var categories = List.of(new PointCategory(1, 7, 300_000), new PointCategory(1, 8, 200_000),
				new PointCategory(2, 9, 150_000));

		var rows = Comparison.rows(points, current, previous, categories);

		assertThat(rows).extracting(Comparison.Row::name).containsExactly("B", "A", "C");
		var b = rows.get(0);
		assertThat(b.penetration()).isEqualTo(0.1); // 40 / 400
		assertThat(b.averageOrderFen()).isEqualTo(3000); // 150,000 / 50
		assertThat(b.frequency()).isEqualTo(1.25); // 50 / 40
		assertThat(b.growth()).as("nothing before").isNull();
		assertThat(b.categoryMix()).containsExactly(new Comparison.CategoryShare(9, 1.0));
		var a = rows.get(1);
		assertThat(a.penetration()).isEqualTo(0.05); // 40 / 800
		assertThat(a.averageOrderFen()).isEqualTo(5000);
		assertThat(a.frequency()).isEqualTo(2.5);
		assertThat(a.growth()).isEqualTo(0.25); // 500,000 / 400,000 - 1
		assertThat(a.categoryMix()).containsExactly(new Comparison.CategoryShare(7, 0.6),
				new Comparison.CategoryShare(8, 0.4));
		var c = rows.get(2);
		assertThat(c.residents()).isZero();
		assertThat(c.penetration()).as("no households recorded").isNull();
		assertThat(c.averageOrderFen()).isNull();
		assertThat(c.frequency()).isNull();
		assertThat(c.categoryMix()).isEmpty();
	}
}
