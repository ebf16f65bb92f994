package com.linli.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.linli.demo.CityPlan.Community;
import com.linli.demo.CityPlan.Region;
import com.linli.demo.CityPlan.WarehouseKind;
import com.linli.demo.internal.Geo;
import com.linli.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The demo city of the issue, generated without Spring: sizes, realism, and the same city for the same seed. */
class CityGeneratorTests {

	static final CityPlan DEFAULT = new CityGenerator().generate(DemoSettings.defaults());

	static final List<String> TOP_CATEGORIES = List.of("新鲜水果", "时令蔬菜", "肉禽蛋品", "水产海鲜", "乳品烘焙", "粮油调味", "休闲零食",
			"酒水饮料", "日用百货", "个护清洁");

	@Test
	void defaultCityIsHangzhouWithACentralAndAGridWarehousePerQuadrant() {
		assertThat(DEFAULT.regions()).hasSize(1);
		Region hangzhou = DEFAULT.regions().get(0);
		assertThat(hangzhou.name()).isEqualTo("杭州市");
		assertThat(hangzhou.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(hangzhou.latitude()).isCloseTo(30.27, org.assertj.core.data.Offset.offset(0.05));
		assertThat(hangzhou.longitude()).isCloseTo(120.16, org.assertj.core.data.Offset.offset(0.05));
		assertThat(hangzhou.warehouses()).filteredOn(w -> w.kind() == WarehouseKind.CENTRAL).hasSize(1);
		var grids = hangzhou.gridWarehouses();
		assertThat(grids).hasSizeGreaterThanOrEqualTo(3);
		Set<String> quadrants = grids.stream()
			.map(w -> (w.latitude() >= hangzhou.latitude() ? "N" : "S") + (w.longitude() >= hangzhou.longitude() ? "E" : "W"))
			.collect(Collectors.toSet());
		assertThat(quadrants).containsExactlyInAnyOrder("NE", "NW", "SE", "SW");
	}

	@Test
	void centralWarehouseStandsOnTheOutskirts() {
		Region hangzhou = DEFAULT.regions().get(0);
		var central = hangzhou.warehouses().stream().filter(w -> w.kind() == WarehouseKind.CENTRAL).findFirst().get();
		double km = Geo.km(central.latitude(), central.longitude(), hangzhou.latitude(), hangzhou.longitude());
		double meanCommunityKm = hangzhou.communities().stream()
			.mapToDouble(c -> Geo.km(c.latitude(), c.longitude(), hangzhou.latitude(), hangzhou.longitude()))
			.average().orElseThrow();
		assertThat(km).isGreaterThan(meanCommunityKm).isLessThan(20);
	}

	@Test
	void atLeastFortyCommunitiesWithDistinctRealLookingNamesAndAPickupPointAndLeaderEach() {
		Region hangzhou = DEFAULT.regions().get(0);
		assertThat(hangzhou.communities()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(hangzhou.communities().stream().map(Community::name).distinct()).hasSize(hangzhou.communities().size());
		Set<String> districts = hangzhou.communities().stream().map(Community::district).collect(Collectors.toSet());
		assertThat(districts).hasSizeGreaterThanOrEqualTo(4)
			.isSubsetOf("西湖区", "拱墅区", "上城区", "滨江区", "余杭区", "萧山区");
		for (Community c : hangzhou.communities()) {
			assertThat(c.name()).matches("\\p{IsHan}+(\\d+期)?");
			assertThat(c.address()).matches("\\p{IsHan}+ \\d{1,3} 号");
			assertThat(c.households()).isBetween(300, 3000);
			var point = c.pickupPoint();
			assertThat(point.name()).startsWith(c.name() + " · ").endsWith("自提点");
			assertThat(point.address()).startsWith(c.address());
			assertThat(point.opensAt()).isBefore(point.closesAt());
			assertThat(hangzhou.warehouses().get(point.gridWarehouse()).kind()).isEqualTo(WarehouseKind.GRID);
			assertThat(Geo.km(point.latitude(), point.longitude(), c.latitude(), c.longitude())).isLessThan(0.2);
			assertThat(c.leader().name()).matches("\\p{IsHan}{2,3}");
		}
	}

	@Test
	void eachPickupPointIsServedByItsNearestGridWarehouse() {
		Region hangzhou = DEFAULT.regions().get(0);
		for (Community c : hangzhou.communities()) {
			var point = c.pickupPoint();
			var assigned = hangzhou.warehouses().get(point.gridWarehouse());
			double assignedKm = Geo.km(point.latitude(), point.longitude(), assigned.latitude(), assigned.longitude());
			for (var grid : hangzhou.gridWarehouses()) {
				assertThat(assignedKm).isLessThanOrEqualTo(
						Geo.km(point.latitude(), point.longitude(), grid.latitude(), grid.longitude()));
			}
		}
	}

	@Test
	void positionsAreSpreadOverTheCityAndStayInsideIt() {
		Region hangzhou = DEFAULT.regions().get(0);
		List<double[]> positions = new ArrayList<>();
		hangzhou.communities().forEach(c -> {
			positions.add(new double[] { c.latitude(), c.longitude() });
			positions.add(new double[] { c.pickupPoint().latitude(), c.pickupPoint().longitude() });
		});
		hangzhou.warehouses().forEach(w -> positions.add(new double[] { w.latitude(), w.longitude() }));
		for (double[] p : positions) {
			assertThat(p[0]).isBetween(30.13, 30.41);
			assertThat(p[1]).isBetween(120.00, 120.32);
			assertThat(Geo.km(p[0], p[1], hangzhou.latitude(), hangzhou.longitude())).isLessThanOrEqualTo(15.0);
		}
		// not on West Lake
		assertThat(hangzhou.communities())
			.noneMatch(c -> Geo.km(c.latitude(), c.longitude(), 30.245, 120.142) < 1.2);
		// spread: communities are far apart on average, not piled up in one spot
		double maxKm = 0;
		for (var a : hangzhou.communities()) {
			for (var b : hangzhou.communities()) {
				maxKm = Math.max(maxKm, Geo.km(a.latitude(), a.longitude(), b.latitude(), b.longitude()));
			}
		}
		assertThat(maxKm).isGreaterThan(12);
	}

	@Test
	void atLeastTwoThousandResidentsWithChineseNamesAndUniquePhonesSpreadByHouseholds() {
		Region hangzhou = DEFAULT.regions().get(0);
		assertThat(hangzhou.residents()).hasSizeGreaterThanOrEqualTo(2000);
		assertThat(hangzhou.residents()).allSatisfy(r -> {
			assertThat(r.name()).matches("\\p{IsHan}{2,3}");
			assertThat(r.phone()).matches("1[3-9]\\d{9}");
			assertThat(r.community()).isBetween(0, hangzhou.communities().size() - 1);
		});
		Set<String> phones = new HashSet<>();
		hangzhou.residents().forEach(r -> phones.add(r.phone()));
		hangzhou.communities().forEach(c -> phones.add(c.leader().phone()));
		assertThat(phones).hasSize(hangzhou.residents().size() + hangzhou.communities().size());
		// the biggest community has more residents on the platform than the smallest
		var biggest = indexOf(hangzhou, hangzhou.communities().stream().mapToInt(Community::households).max().getAsInt());
		var smallest = indexOf(hangzhou, hangzhou.communities().stream().mapToInt(Community::households).min().getAsInt());
		assertThat(residentsOf(hangzhou, biggest)).isGreaterThan(residentsOf(hangzhou, smallest));
	}

	@Test
	void catalogHasOneHundredFiftySkusOverEveryCategoryWithSanePrices() {
		assertThat(DEFAULT.skuCount()).isGreaterThanOrEqualTo(160);
		Set<String> tops = DEFAULT.products().stream().map(p -> p.categoryPath().get(0)).collect(Collectors.toSet());
		assertThat(tops).containsExactlyInAnyOrderElementsOf(TOP_CATEGORIES);
		for (String top : TOP_CATEGORIES) {
			long skus = DEFAULT.products().stream().filter(p -> p.categoryPath().get(0).equals(top))
				.mapToLong(p -> p.skus().size()).sum();
			assertThat(skus).as(top).isGreaterThanOrEqualTo(10);
		}
		Set<String> barcodes = new HashSet<>();
		DEFAULT.products().forEach(p -> {
			assertThat(p.categoryPath()).hasSize(2);
			assertThat(p.supplier()).isBetween(0, DEFAULT.suppliers().size() - 1);
			assertThat(p.description()).contains(p.origin());
			p.skus().forEach(s -> {
				assertThat(s.groupPrice().fen()).as(p.name()).isPositive();
				assertThat(s.listPrice()).as(p.name()).isGreaterThanOrEqualTo(s.groupPrice());
				assertThat(s.shelfLifeDays()).isPositive();
				assertThat(s.weightGrams()).isPositive();
				assertThat(s.barcode()).matches("69\\d{11}");
				barcodes.add(s.barcode());
			});
		});
		assertThat(barcodes).hasSize(DEFAULT.skuCount());
	}

	@Test
	void pricesAreThoseOfAHangzhouGroupBuy() {
		assertThat(sku("红富士苹果", "5斤装")).isEqualTo(List.of("19.90", "29.90"));
		assertThat(sku("土鸡蛋", "30枚")).isEqualTo(List.of("22.80", "32.00"));
		assertThat(sku("五常稻花香大米", "5kg")).isEqualTo(List.of("49.90", "69.90"));
	}

	@Test
	void sixToTenSuppliersSupplyEveryProduct() {
		assertThat(DEFAULT.suppliers()).hasSizeBetween(6, 10);
		assertThat(DEFAULT.suppliers().stream().map(CityPlan.Supplier::name)).contains("杭州果鲜农业有限公司", "浙北禽蛋合作社");
		Set<Integer> used = DEFAULT.products().stream().map(CityPlan.Product::supplier).collect(Collectors.toSet());
		assertThat(used).hasSize(DEFAULT.suppliers().size());
	}

	@Test
	void mostSkusAreListedForTomorrowWithCapsAndLimitsSizedToDemand() {
		Region hangzhou = DEFAULT.regions().get(0);
		assertThat(hangzhou.listings().size()).isGreaterThan(DEFAULT.skuCount() * 3 / 4);
		Set<String> listed = new HashSet<>();
		hangzhou.listings().forEach(l -> {
			assertThat(listed.add(l.product() + "/" + l.sku())).isTrue();
			var sku = DEFAULT.products().get(l.product()).skus().get(l.sku());
			assertThat(l.groupPrice()).isEqualTo(sku.groupPrice());
			assertThat(l.stockCap()).isBetween(50, 2000);
			assertThat(l.perResidentLimit()).isBetween(1, 10);
		});
		// cheap staples sell more, and more per resident, than dear items
		var cheap = hangzhou.listings().stream().filter(l -> l.groupPrice().fen() < 500).toList();
		var dear = hangzhou.listings().stream().filter(l -> l.groupPrice().fen() > 8000).toList();
		assertThat(cheap).isNotEmpty();
		assertThat(dear).isNotEmpty();
		assertThat(cheap.stream().mapToInt(CityPlan.Listing::stockCap).average().getAsDouble())
			.isGreaterThan(dear.stream().mapToInt(CityPlan.Listing::stockCap).average().getAsDouble());
		assertThat(cheap).allMatch(l -> l.perResidentLimit() == 10);
		assertThat(dear).allMatch(l -> l.perResidentLimit() <= 3);
		// the cap follows the region's size: a city of 20,000 residents gets more of each
		var big = new CityGenerator().generate(DemoSettings.defaults().withResidents(20_000)).regions().get(0);
		assertThat(big.listings().stream().mapToInt(CityPlan.Listing::stockCap).sum())
			.isGreaterThan(2 * hangzhou.listings().stream().mapToInt(CityPlan.Listing::stockCap).sum());
	}

	@Test
	void oneLoginPerRoleTheLeaderAndResidentAtTheFirstPickupPoint() {
		assertThat(DEFAULT.logins().stream().map(CityPlan.DemoLogin::role)).containsExactly(Role.OPERATOR, Role.LEADER,
				Role.RESIDENT, Role.SUPPLIER, Role.WAREHOUSE_STAFF, Role.DRIVER);
		assertThat(DEFAULT.logins().stream().map(CityPlan.DemoLogin::phone)).containsExactly("13800000001",
				"13800000002", "13800000003", "13800000004", "13800000005", "13800000006");
		assertThat(DEFAULT.logins()).allMatch(l -> l.password().equals("linli123"));
		Region hangzhou = DEFAULT.regions().get(0);
		assertThat(hangzhou.communities().get(0).leader().phone()).isEqualTo("13800000002");
		assertThat(hangzhou.residents().get(0).phone()).isEqualTo("13800000003");
		assertThat(hangzhou.residents().get(0).community()).isZero();
		// no generated person shares a login's number
		assertThat(hangzhou.residents().stream().skip(1)).noneMatch(r -> r.phone().startsWith("138"));
	}

	@Test
	void sameSeedGivesTheSameCityAndAnotherSeedAnotherOne() {
		var again = new CityGenerator().generate(DemoSettings.defaults());
		assertThat(again).isEqualTo(DEFAULT);
		var other = new CityGenerator().generate(DemoSettings.defaults().withSeed(7));
		assertThat(other).isNotEqualTo(DEFAULT);
		assertThat(other.regions().get(0).communities().get(0).name())
			.isNotEqualTo(DEFAULT.regions().get(0).communities().get(0).name());
		assertThat(other.regions().get(0).residents().get(5).phone())
			.isNotEqualTo(DEFAULT.regions().get(0).residents().get(5).phone());
	}

	@Test
	void moreResidentsDoNotMoveTheCommunities() {
		var bigger = new CityGenerator().generate(DemoSettings.defaults().withResidents(5000));
		assertThat(bigger.regions().get(0).communities()).isEqualTo(DEFAULT.regions().get(0).communities());
		assertThat(bigger.residentCount()).isEqualTo(5000);
	}

	@Test
	void aSecondRegionIsSuzhouWithItsOwnCommunitiesAndTheFirstUnchanged() {
		var two = new CityGenerator().generate(DemoSettings.defaults().withRegions(2));
		assertThat(two.regions()).hasSize(2);
		assertThat(two.regions().get(0)).isEqualTo(DEFAULT.regions().get(0));
		Region suzhou = two.regions().get(1);
		assertThat(suzhou.name()).isEqualTo("苏州市");
		assertThat(suzhou.code()).isNotEqualTo(two.regions().get(0).code());
		assertThat(suzhou.communities()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(suzhou.communities()).allSatisfy(c -> assertThat(
				Geo.km(c.latitude(), c.longitude(), suzhou.latitude(), suzhou.longitude())).isLessThanOrEqualTo(15));
		Set<String> phones = new HashSet<>();
		two.regions().forEach(r -> r.residents().forEach(p -> phones.add(p.phone())));
		assertThat(phones).hasSize(two.residentCount());
		assertThat(suzhou.listings()).allSatisfy(l -> {
			var sku = two.products().get(l.product()).skus().get(l.sku());
			assertThat(l.groupPrice().fen()).isPositive();
			assertThat(l.listPrice()).isGreaterThan(l.groupPrice());
			assertThat(Math.abs(l.groupPrice().fen() - sku.groupPrice().fen())).isLessThanOrEqualTo(100);
		});
	}

	@Test
	void aTaggedCityKeepsApartFromTheDemo() {
		var tagged = new CityGenerator()
			.generate(DemoSettings.defaults().withCommunities(6).withResidents(60).taggedAs("T42", "137004200"));
		assertThat(tagged.regions().get(0).name()).isEqualTo("杭州市（T42）");
		assertThat(tagged.regions().get(0).code()).isEqualTo("HZT42");
		assertThat(tagged.login(Role.OPERATOR).phone()).isEqualTo("13700420001");
		assertThat(tagged.regions().get(0).communities()).hasSize(6);
		assertThat(tagged.residentCount()).isEqualTo(60);
	}

	@Test
	void badSettingsAreRefusedWithTheSettingNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSettings.defaults().withRegions(3))
			.withMessageContaining("linli.demo.regions");
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSettings.defaults().withCommunities(0))
			.withMessageContaining("linli.demo.communities");
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSettings.defaults().withResidents(-5))
			.withMessageContaining("linli.demo.residents");
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSettings.defaults().taggedAs("bad tag", "138000000"));
	}

	@Test
	void listingsOpenTodayAtTenForTomorrowAndLateStartsSellForTheDayAfter() {
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		var morning = ListingWindow.next(zone, Instant.parse("2026-11-23T00:30:00Z")); // 08:30 local
		assertThat(morning.pickupDate()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(morning.opensAt()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z")); // 10:00 local
		assertThat(morning.cutoffAt(zone)).isEqualTo(Instant.parse("2026-11-23T15:00:00Z")); // 23:00 local

		var afternoon = ListingWindow.next(zone, Instant.parse("2026-11-23T07:15:00Z")); // 15:15 local
		assertThat(afternoon.pickupDate()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(afternoon.opensAt()).isEqualTo(Instant.parse("2026-11-23T07:15:00Z"));

		var lateEvening = ListingWindow.next(zone, Instant.parse("2026-11-23T14:45:00Z")); // 22:45 local
		assertThat(lateEvening.pickupDate()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(lateEvening.opensAt()).isBefore(lateEvening.cutoffAt(zone));
	}

	private static List<String> sku(String product, String spec) {
		return DEFAULT.products().stream().filter(p -> p.name().equals(product))
			.flatMap(p -> p.skus().stream())
			.filter(s -> s.spec().startsWith(spec))
			.map(s -> List.of(s.groupPrice().toString(), s.listPrice().toString()))
			.findFirst().orElseThrow();
	}

	private static int indexOf(Region region, int households) {
		for (int i = 0; i < region.communities().size(); i++) {
			if (region.communities().get(i).households() == households) {
				return i;
			}
		}
		throw new AssertionError();
	}

	private static long residentsOf(Region region, int community) {
		return region.residents().stream().filter(r -> r.community() == community).count();
	}
}
