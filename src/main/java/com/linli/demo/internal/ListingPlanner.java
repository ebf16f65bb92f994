package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.linli.demo.CityPlan.Listing;
import com.linli.demo.CityPlan.Product;
import com.linli.demo.CityPlan.Sku;
import com.linli.shared.Money;

/**
 * What a region sells tomorrow: most of the catalog, at the sheet's prices (other cities shade a few
 * of them), with stock caps sized to the expected demand of the region's residents and per-resident
 * limits that are generous for cheap staples and tight for dear items.
 */
public final class ListingPlanner {

	/** Share of residents who buy one SKU of the category on a given day. */
	private static final Map<String, Double> DAILY_BUYERS = Map.of("新鲜水果", 0.030, "时令蔬菜", 0.045, "肉禽蛋品", 0.030,
			"水产海鲜", 0.015, "乳品烘焙", 0.025, "粮油调味", 0.015, "休闲零食", 0.012, "酒水饮料", 0.010, "日用百货", 0.008,
			"个护清洁", 0.008);

	static final int MIN_CAP = 50;

	static final int MAX_CAP = 2000;

	/** Share of the catalog a region lists for a day. */
	static final double LISTED_SHARE = 0.9;

	private ListingPlanner() {
	}

	public static List<Listing> listings(List<Product> products, int residents, int regionIndex, Random random) {
		List<Listing> listings = new ArrayList<>();
		for (int p = 0; p < products.size(); p++) {
			var product = products.get(p);
			for (int s = 0; s < product.skus().size(); s++) {
				boolean listed = random.nextDouble() < LISTED_SHARE || (p == 0 && s == 0);
				if (!listed) {
					continue;
				}
				var sku = product.skus().get(s);
				Money group = regionIndex == 0 ? sku.groupPrice() : shade(sku, random);
				listings.add(new Listing(p, s, group, sku.listPrice(), cap(product, group, residents, random),
						limit(group, random)));
			}
		}
		return listings;
	}

	/** Another city's price: now and then a yuan more or less, never at or above the list price. */
	static Money shade(Sku sku, Random random) {
		Money group = sku.groupPrice();
		int roll = random.nextInt(10);
		if (group.fen() < 1000 || roll > 2) {
			return group;
		}
		Money shaded = roll == 0 ? group.minus(Money.ofFen(100)) : group.plus(Money.ofFen(100));
		return shaded.compareTo(sku.listPrice()) < 0 ? shaded : group;
	}

	static int cap(Product product, Money price, int residents, Random random) {
		double buyers = DAILY_BUYERS.getOrDefault(product.categoryPath().get(0), 0.01);
		double priceFactor = price.fen() > 8000 ? 0.3 : price.fen() > 4000 ? 0.6 : 1.0;
		double demand = residents * buyers * priceFactor * 1.3;
		double withHeadroom = demand * (1.3 + random.nextDouble() * 0.7);
		int rounded = (int) Math.ceil(withHeadroom / 10) * 10;
		return Math.max(MIN_CAP, Math.min(MAX_CAP, rounded));
	}

	static int limit(Money price, Random random) {
		long fen = price.fen();
		if (fen < 500) {
			return 10;
		}
		if (fen < 1500) {
			return 6 + random.nextInt(3);
		}
		if (fen < 4000) {
			return 3 + random.nextInt(3);
		}
		if (fen < 10000) {
			return 2 + random.nextInt(2);
		}
		return 1 + random.nextInt(2);
	}
}
