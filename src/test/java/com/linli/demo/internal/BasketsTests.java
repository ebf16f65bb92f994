package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import com.linli.demo.DemoSettings;
import com.linli.demo.internal.Baskets.Line;
import com.linli.demo.internal.Baskets.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Baskets as residents fill them: one to six lines, mostly one to three, one or two units of each,
 * the favourites (fresh vegetables, fruit, eggs) far more often than the rest; the same seed, the
 * same baskets.
 */
class BasketsTests {

	/** The demo catalog as the day's listings: one option per SKU, limits as the planner sets them. */
	static final List<Option> CATALOG = ProductSheet.products().stream()
		.map(row -> new Option(row.product(), row.categoryPath().get(0), row.groupPrice().fen(),
				row.groupPrice().fen() < 500 ? 10 : row.groupPrice().fen() < 4000 ? 3 : 2))
		.toList();

	static List<List<Line>> baskets(Baskets baskets, long seed, int count) {
		Random random = new Random(seed);
		List<List<Line>> all = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			all.add(baskets.basket(random));
		}
		return all;
	}

	@Test
	void basketsHoldOneToSixLinesMostlyOneToThree() {
		var all = baskets(new Baskets(CATALOG, 1), 1, 20_000);
		int[] sizes = new int[7];
		all.forEach(b -> sizes[b.size()]++);
		assertThat(all).allSatisfy(b -> assertThat(b.size()).isBetween(1, 6));
		assertThat((sizes[1] + sizes[2] + sizes[3]) / 20_000.0).isGreaterThan(0.75);
		assertThat(sizes[1]).isGreaterThan(sizes[2]).isGreaterThan(0);
		assertThat(sizes[6]).isGreaterThan(0).isLessThan(sizes[5]);
		double mean = all.stream().mapToInt(List::size).average().orElseThrow();
		assertThat(mean).isBetween(2.1, 2.6);
	}

	@Test
	void aBasketNeverHoldsAnOptionTwiceNorMoreThanItsLimit() {
		for (List<Line> basket : baskets(new Baskets(CATALOG, 2), 2, 5_000)) {
			assertThat(new HashSet<>(basket.stream().map(Line::option).toList())).hasSize(basket.size());
			assertThat(basket).allSatisfy(line -> assertThat(line.quantity()).isBetween(1, CATALOG.get(line.option()).limit()));
		}
	}

	@Test
	void quantitiesAreMostlyOneOrTwo() {
		var lines = baskets(new Baskets(CATALOG, 3), 3, 10_000).stream().flatMap(List::stream).toList();
		long oneOrTwo = lines.stream().filter(l -> l.quantity() <= 2).count();
		long one = lines.stream().filter(l -> l.quantity() == 1).count();
		assertThat(oneOrTwo / (double) lines.size()).isGreaterThan(0.9);
		assertThat(one / (double) lines.size()).isGreaterThan(0.6);
	}

	@Test
	void popularityFallsOffLikeZipf() {
		var baskets = new Baskets(CATALOG, 4);
		int[] chosen = new int[CATALOG.size() + 1];
		Random random = new Random(4);
		for (int i = 0; i < 200_000; i++) {
			chosen[baskets.rank(baskets.popular(random))]++;
		}
		// weight 1/r^0.8: rank 1 is 10^0.8 = 6.3 times rank 10, and 5^0.8 = 3.6 times rank 5
		assertThat(chosen[1] / (double) chosen[10]).isBetween(5.3, 7.5);
		assertThat(chosen[1] / (double) chosen[5]).isBetween(3.1, 4.2);
		assertThat(chosen[10]).isGreaterThan(chosen[50]);
		assertThat(chosen[50]).isGreaterThan(chosen[CATALOG.size()]);
	}

	@Test
	void freshProduceAndEggsAreTheFavourites() {
		var baskets = new Baskets(CATALOG, DemoSettings.DEFAULT_SEED);
		List<Integer> byRank = new ArrayList<>();
		for (int i = 0; i < CATALOG.size(); i++) {
			byRank.add(i);
		}
		byRank.sort(Comparator.comparingInt(baskets::rank));
		var top = byRank.subList(0, 12).stream().map(CATALOG::get).toList();
		long fresh = top.stream()
			.filter(o -> o.category().equals("时令蔬菜") || o.category().equals("新鲜水果") || o.name().contains("蛋"))
			.count();
		assertThat(fresh).as("favourites %s", top.stream().map(Option::name).toList()).isGreaterThanOrEqualTo(9);
		var bottom = byRank.subList(byRank.size() - 30, byRank.size()).stream().map(CATALOG::get).toList();
		assertThat(bottom.stream().filter(o -> o.category().equals("时令蔬菜")).count()).isLessThanOrEqualTo(2);
	}

	@Test
	void theSameSeedGivesTheSameBasketsAndTheSameFavourites() {
		assertThat(baskets(new Baskets(CATALOG, 7), 11, 300)).isEqualTo(baskets(new Baskets(CATALOG, 7), 11, 300));
		assertThat(baskets(new Baskets(CATALOG, 7), 11, 300)).isNotEqualTo(baskets(new Baskets(CATALOG, 7), 12, 300));
		// a product's taste depends on its name, not on where it stands in the day's list
		var reversed = new ArrayList<>(CATALOG);
		java.util.Collections.reverse(reversed);
		assertThat(favourites(new Baskets(reversed, 7), reversed)).isEqualTo(favourites(new Baskets(CATALOG, 7), CATALOG));
	}

	@Test
	void aSmallAssortmentGivesSmallBaskets() {
		var two = List.of(new Option("鲜鸡蛋", "肉禽蛋品", 1590, 3), new Option("上海青", "时令蔬菜", 290, 10));
		assertThat(baskets(new Baskets(two, 8), 8, 500)).allSatisfy(b -> assertThat(b.size()).isBetween(1, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> new Baskets(List.of(), 1));
	}

	static List<String> favourites(Baskets baskets, List<Option> options) {
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			indexes.add(i);
		}
		indexes.sort(Comparator.comparingInt(baskets::rank));
		return indexes.subList(0, 20).stream().map(i -> options.get(i).name()).distinct().toList();
	}
}
