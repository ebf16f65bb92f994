package com.linli.demo.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.linli.demo.CityPlan.Community;
import com.linli.demo.CityPlan.Leader;
import com.linli.demo.CityPlan.PickupPoint;
import com.linli.demo.CityPlan.Resident;
import com.linli.demo.CityPlan.Warehouse;
import com.linli.demo.CityPlan.WarehouseKind;
import com.linli.demo.internal.CityAtlas.City;
import com.linli.demo.internal.CityAtlas.District;
import com.linli.demo.internal.CityAtlas.Site;

/**
 * Lays out one city: warehouses where the atlas puts them, communities clustered around their
 * district centres (never on a lake, never two on top of each other), one pickup point each, served
 * by the nearest grid warehouse, and residents spread by household count.
 */
public final class NeighbourhoodPlanner {

	private static final double MIN_COMMUNITY_GAP_KM = 0.25;

	private static final List<LocalTime> OPENING = List.of(LocalTime.of(7, 30), LocalTime.of(8, 0), LocalTime.of(8, 0),
			LocalTime.of(8, 30), LocalTime.of(9, 0));

	private static final List<LocalTime> CLOSING = List.of(LocalTime.of(20, 0), LocalTime.of(20, 30), LocalTime.of(21, 0),
			LocalTime.of(21, 0), LocalTime.of(21, 30), LocalTime.of(22, 0));

	private NeighbourhoodPlanner() {
	}

	public static List<Warehouse> warehouses(City city) {
		List<Warehouse> warehouses = new ArrayList<>();
		warehouses.add(warehouse(WarehouseKind.CENTRAL, city.centralWarehouse()));
		city.gridWarehouses().forEach(site -> warehouses.add(warehouse(WarehouseKind.GRID, site)));
		return warehouses;
	}

	private static Warehouse warehouse(WarehouseKind kind, Site site) {
		return new Warehouse(kind, site.name(), site.district(), site.address(), site.latitude(), site.longitude());
	}

	/**
	 * {@code count} communities; {@code firstLeaderPhone} (a demo login, or null) leads the first one's
	 * pickup point, the other leaders get numbers from the phone book.
	 */
	public static List<Community> communities(City city, List<Warehouse> warehouses, int count, Random random,
			PhoneBook phones, String firstLeaderPhone) {
		List<Community> communities = new ArrayList<>();
		Set<String> names = new HashSet<>();
		int totalWeight = city.districts().stream().mapToInt(District::weight).sum();
		for (int i = 0; i < count; i++) {
			District district = pick(city.districts(), totalWeight, random);
			double[] position = position(city, district, communities, random);
			String name = uniqueName(city, names, random);
			String address = district.streets().get(random.nextInt(district.streets().size())) + " "
					+ streetNumber(random) + " 号";
			int households = households(random);
			var pickupPoint = pickupPoint(name, address, position, warehouses, random);
			String leaderPhone = i == 0 && firstLeaderPhone != null ? firstLeaderPhone : phones.next(random);
			communities.add(new Community(name, district.name(), address, position[0], position[1], households,
					pickupPoint, new Leader(ChineseNames.person(random), leaderPhone)));
		}
		return communities;
	}

	/**
	 * {@code count} residents, each bound to a community with a chance proportional to its households;
	 * {@code firstResident} (a demo login, or null) is bound to the first community.
	 */
	public static List<Resident> residents(List<Community> communities, int count, Random random, PhoneBook phones,
			String firstResidentPhone) {
		long[] cumulative = new long[communities.size()];
		long total = 0;
		for (int i = 0; i < communities.size(); i++) {
			total += communities.get(i).households();
			cumulative[i] = total;
		}
		List<Resident> residents = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String name = ChineseNames.person(random);
			if (i == 0 && firstResidentPhone != null) {
				residents.add(new Resident(name, firstResidentPhone, 0));
				continue;
			}
			long ticket = (long) (random.nextDouble() * total);
			int community = java.util.Arrays.binarySearch(cumulative, ticket + 1);
			residents.add(new Resident(name, phones.next(random), community >= 0 ? community : -community - 1));
		}
		return residents;
	}

	private static District pick(List<District> districts, int totalWeight, Random random) {
		int ticket = random.nextInt(totalWeight);
		for (District district : districts) {
			ticket -= district.weight();
			if (ticket < 0) {
				return district;
			}
		}
		throw new IllegalStateException("weights do not add up");
	}

	/** Around the district centre (normal, cut at two spreads), on land, inside the city, apart from others. */
	private static double[] position(City city, District district, List<Community> others, Random random) {
		double[] fallback = null;
		for (int attempt = 0; attempt < 500; attempt++) {
			double north = clampedGaussian(random) * district.spreadKm();
			double east = clampedGaussian(random) * district.spreadKm();
			double lat = district.latitude() + Geo.latDegrees(north);
			double lng = district.longitude() + Geo.lngDegrees(east, district.latitude());
			if (city.onWater(lat, lng)
					|| Geo.km(lat, lng, city.latitude(), city.longitude()) > CityAtlas.CITY_RADIUS_KM - 0.5) {
				continue;
			}
			double[] candidate = { Geo.round6(lat), Geo.round6(lng) };
			fallback = candidate;
			boolean crowded = others.stream()
				.anyMatch(c -> Geo.km(c.latitude(), c.longitude(), lat, lng) < MIN_COMMUNITY_GAP_KM);
			if (!crowded) {
				return candidate;
			}
		}
		if (fallback == null) {
			return new double[] { district.latitude(), district.longitude() };
		}
		return fallback;
	}

	private static double clampedGaussian(Random random) {
		return Math.max(-2, Math.min(2, random.nextGaussian()));
	}

	private static String uniqueName(City city, Set<String> taken, Random random) {
		for (int attempt = 0; attempt < 2000; attempt++) {
			String name = ChineseNames.community(random, city.localNameParts());
			if (taken.add(name)) {
				return name;
			}
		}
		// more communities than names: number the phases of a development, as developers do
		for (int phase = 2;; phase++) {
			String name = ChineseNames.community(random, city.localNameParts()) + phase + "期";
			if (taken.add(name)) {
				return name;
			}
		}
	}

	private static int streetNumber(Random random) {
		return 1 + random.nextInt(random.nextBoolean() ? 120 : 999);
	}

	/** 300 to 3,000 households, most around 800 to 1,200 (log-normal). */
	private static int households(Random random) {
		double value = Math.exp(Math.log(950) + 0.55 * random.nextGaussian());
		return (int) Math.max(300, Math.min(3000, Math.round(value)));
	}

	private static PickupPoint pickupPoint(String community, String address, double[] position,
			List<Warehouse> warehouses, Random random) {
		double distanceKm = 0.03 + random.nextDouble() * 0.12;
		double bearing = random.nextDouble() * 2 * Math.PI;
		double lat = Geo.round6(position[0] + Geo.latDegrees(distanceKm * Math.cos(bearing)));
		double lng = Geo.round6(position[1] + Geo.lngDegrees(distanceKm * Math.sin(bearing), position[0]));
		return new PickupPoint(ChineseNames.pickupPoint(random, community),
				address + " " + ChineseNames.pickupSpot(random), lat, lng, OPENING.get(random.nextInt(OPENING.size())),
				CLOSING.get(random.nextInt(CLOSING.size())), nearestGrid(warehouses, lat, lng));
	}

	static int nearestGrid(List<Warehouse> warehouses, double lat, double lng) {
		int best = -1;
		double bestKm = Double.MAX_VALUE;
		for (int i = 0; i < warehouses.size(); i++) {
			var w = warehouses.get(i);
			double km = Geo.km(lat, lng, w.latitude(), w.longitude());
			if (w.kind() == WarehouseKind.GRID && km < bestKm) {
				best = i;
				bestKm = km;
			}
		}
		return best;
	}
}
