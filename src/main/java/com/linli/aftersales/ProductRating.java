package com.linli.aftersales;

import java.util.List;

import com.linli.catalog.ProductId;

/**
 * A product's score from its visible reviews: the average of the product stars (0 when none), how many, the
 * share of 1–2 star reviews (0..1), and how many reviews gave each number of stars ({@code byStars.get(0)} = 1 star).
 */
public record ProductRating(ProductId productId, double average, int count, double lowShare, List<Integer> byStars) {

	public ProductRating {
		byStars = List.copyOf(byStars);
	}

	/** The average rounded to one decimal, as pages show it ("4.6"). */
	public String averageText() {
		return count == 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f", average);
	}

	/** The share of reviews with these stars, in whole percent (for a distribution bar). */
	public int percentOf(int stars) {
		return count == 0 ? 0 : (int) Math.round(byStars.get(stars - 1) * 100.0 / count);
	}

	/** The rating of reviews given as star counts ({@code byStars[0]} = 1 star). */
	public static ProductRating of(ProductId productId, int[] byStars) {
		int count = 0;
		long sum = 0;
		for (int i = 0; i < 5; i++) {
			count += byStars[i];
			sum += (long) byStars[i] * (i + 1);
		}
		double average = count == 0 ? 0 : (double) sum / count;
		double low = count == 0 ? 0 : (double) (byStars[0] + byStars[1]) / count;
		return new ProductRating(productId, average, count, low,
				java.util.Arrays.stream(byStars).boxed().toList());
	}
}
