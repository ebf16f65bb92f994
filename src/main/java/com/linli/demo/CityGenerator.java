package com.linli.demo;

import java.util.ArrayList;
import java.util.List;

import com.linli.demo.CityPlan.DemoLogin;
import com.linli.demo.CityPlan.Region;
import com.linli.demo.internal.CatalogPlanner;
import com.linli.demo.internal.CityAtlas;
import com.linli.demo.internal.ChineseNames;
import com.linli.demo.internal.ListingPlanner;
import com.linli.demo.internal.NeighbourhoodPlanner;
import com.linli.demo.internal.PhoneBook;
import com.linli.demo.internal.Seeds;
import com.linli.identity.Role;

/**
 * Generates a demo city from settings alone (no Spring, no database, no clock): the same settings give
 * the same plan, a different seed a different one. Region 1 is 杭州市, region 2 苏州市.
 */
public final class CityGenerator {

	/** The password of every demo login and every generated resident, leader and staff member. */
	public static final String DEMO_PASSWORD = "linli123";

	public CityPlan generate(DemoSettings settings) {
		long seed = settings.seed();
		var suppliers = CatalogPlanner.suppliers();
		var products = CatalogPlanner.products(suppliers, seed);
		PhoneBook phones = new PhoneBook();
		for (int n = 1; n <= 6; n++) {
			phones.reserve(settings.loginPhone(n));
		}
		List<Region> regions = new ArrayList<>();
		for (int i = 0; i < settings.regions(); i++) {
			var city = CityAtlas.CITIES.get(i);
			var warehouses = NeighbourhoodPlanner.warehouses(city);
			boolean first = i == 0;
			var communities = NeighbourhoodPlanner.communities(city, warehouses, settings.communitiesPerRegion(),
					Seeds.stream(seed, "communities", i), phones, first ? settings.loginPhone(2) : null);
			var residents = NeighbourhoodPlanner.residents(communities, settings.residentsPerRegion(),
					Seeds.stream(seed, "residents", i), phones, first ? settings.loginPhone(3) : null);
			var listings = ListingPlanner.listings(products, residents.size(), i, Seeds.stream(seed, "listings", i));
			String tag = settings.tag();
			regions.add(new Region(tag.isEmpty() ? city.name() : city.name() + "（" + tag + "）", city.code() + tag,
					city.zone(), city.latitude(), city.longitude(), warehouses, communities, residents, listings));
		}
		var firstCommunity = regions.get(0).communities().get(0);
		var staff = Seeds.stream(seed, "staff", 0);
		List<DemoLogin> logins = List.of(
				new DemoLogin(Role.OPERATOR, settings.loginPhone(1), ChineseNames.person(staff), DEMO_PASSWORD),
				new DemoLogin(Role.LEADER, settings.loginPhone(2), firstCommunity.leader().name(), DEMO_PASSWORD),
				new DemoLogin(Role.RESIDENT, settings.loginPhone(3), regions.get(0).residents().get(0).name(),
						DEMO_PASSWORD),
				new DemoLogin(Role.SUPPLIER, settings.loginPhone(4), suppliers.get(0).contactName(), DEMO_PASSWORD),
				new DemoLogin(Role.WAREHOUSE_STAFF, settings.loginPhone(5), ChineseNames.person(staff), DEMO_PASSWORD),
				new DemoLogin(Role.DRIVER, settings.loginPhone(6), ChineseNames.person(staff), DEMO_PASSWORD));
		return new CityPlan(settings, suppliers, products, regions, logins);
	}
}
