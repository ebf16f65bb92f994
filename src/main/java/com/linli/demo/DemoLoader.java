package com.linli.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.linli.demo.internal.CatalogLoader;
import com.linli.demo.internal.CatalogLoader.LoadedCatalog;
import com.linli.demo.internal.PeopleLoader;
import com.linli.demo.internal.Progress;
import com.linli.demo.internal.ReferralsDemo;
import com.linli.identity.Actor;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.NewListing;
import com.linli.network.CommunityManagement;
import com.linli.network.NewCommunity;
import com.linli.network.NewPickupPoint;
import com.linli.network.NewRegion;
import com.linli.network.NewWarehouse;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a {@link CityPlan} through the modules' public APIs only, in one transaction: the whole city
 * or, if anything fails, nothing. Order: catalog, regions with their warehouses, communities and
 * pickup points, people, then the listings.
 */
@Service
public class DemoLoader {

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	/** Progress units of the network and listings (about a third of a millisecond each on 2 cores). */
	private static final int WAREHOUSE = 8, COMMUNITY = 16, LISTING = 5;

	private final CatalogLoader catalog;

	/** The demo city is set up by the platform itself. */
	private static final Actor DEMO = Actor.system("demo");

	private final RegionManagement network;

	private final PickupPointManagement pickupPointManagement;

	private final CommunityManagement communityManagement;

	private final WarehouseManagement warehouseManagement;

	private final PeopleLoader people;

	private final ListingManagement listings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ReferralsDemo referralsDemo;

	DemoLoader(CatalogLoader catalog, RegionManagement network, PickupPointManagement pickupPointManagement,
			CommunityManagement communityManagement, WarehouseManagement warehouseManagement, PeopleLoader people,
			ListingManagement listings,
			PlatformTransactionManager transactions, Clock clock, ReferralsDemo referralsDemo) {
		this.referralsDemo = referralsDemo;
		this.catalog = catalog;
		this.network = network;
		this.pickupPointManagement = pickupPointManagement;
		this.communityManagement = communityManagement;
		this.warehouseManagement = warehouseManagement;
		this.people = people;
		this.listings = listings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Loads the plan with listings opening today at 10:00 (or now) for tomorrow, in each region's zone. */
	public LoadedCity load(CityPlan plan) {
		Instant now = clock.instant();
		return load(plan, zone -> ListingWindow.next(zone, now));
	}

	/** Loads the plan with listings in the given window (tests open them at once). */
	public LoadedCity load(CityPlan plan, ListingWindow window) {
		return load(plan, zone -> window);
	}

	private LoadedCity load(CityPlan plan, Function<ZoneId, ListingWindow> windows) {
		long started = System.nanoTime();
		var progress = new Progress(log, work(plan));
		var loaded = transaction.execute(status -> loadInTransaction(plan, windows, progress));
		return new LoadedCity(loaded.regions(), loaded.firstPickupPoint(), loaded.pickupPoints(), loaded.residents(),
				loaded.skus(), loaded.listings(), loaded.pickupDate(), Duration.ofNanos(System.nanoTime() - started));
	}

	private LoadedCity loadInTransaction(CityPlan plan, Function<ZoneId, ListingWindow> windows, Progress progress) {
		LoadedCatalog skus = catalog.load(plan, progress);
		List<RegionId> regionIds = new ArrayList<>();
		List<List<PickupPointId>> pickupPoints = new ArrayList<>();
		for (var region : plan.regions()) {
			var id = network.createRegion(DEMO, new NewRegion(region.name(), region.code(), region.zone())).id();
			regionIds.add(id);
			pickupPoints.add(loadNetwork(id, region, progress));
		}
		people.load(plan, regionIds, pickupPoints, skus.suppliers().get(0), progress);
		int listed = 0;
		LocalDate pickupDate = null;
		for (int r = 0; r < plan.regions().size(); r++) {
			var region = plan.regions().get(r);
			var window = windows.apply(region.zone());
			listed += publishListings(regionIds.get(r), region, skus, window, progress);
			pickupDate = pickupDate == null ? window.pickupDate() : pickupDate;
		}
		referralsDemo.seed(regionIds, pickupPoints.get(0).get(0), pickupDate);
		int points = pickupPoints.stream().mapToInt(List::size).sum();
		return new LoadedCity(regionIds, pickupPoints.get(0).get(0), points, plan.residentCount(), plan.skuCount(),
				listed, pickupDate, Duration.ZERO);
	}

	/** The warehouses, communities and their pickup points of a region; the pickup point ids by community. */
	private List<PickupPointId> loadNetwork(RegionId regionId, CityPlan.Region region, Progress progress) {
		List<WarehouseId> warehouseIds = new ArrayList<>();
		for (var w : region.warehouses()) {
			var kind = w.kind() == CityPlan.WarehouseKind.CENTRAL ? WarehouseKind.CENTRAL : WarehouseKind.GRID;
			warehouseIds.add(warehouseManagement.createWarehouse(DEMO, new NewWarehouse(regionId, kind, w.name(),
					w.district() + " " + w.address(), w.latitude(), w.longitude())).id());
			progress.advance(WAREHOUSE, "warehouses");
		}
		List<PickupPointId> points = new ArrayList<>();
		for (var c : region.communities()) {
			var community = communityManagement.createCommunity(DEMO, new NewCommunity(regionId, c.name(), c.district(), c.address(),
					c.latitude(), c.longitude(), c.households()));
			var p = c.pickupPoint();
			points.add(pickupPointManagement.openPickupPoint(DEMO, new NewPickupPoint(community.id(), warehouseIds.get(p.gridWarehouse()),
					p.name(), p.address(), p.latitude(), p.longitude(), p.opensAt(), p.closesAt())).id());
			progress.advance(COMMUNITY, "communities and pickup points");
		}
		return points;
	}

	/** In sheet order: the storefront shows a category's listings in the order they were published. */
	private int publishListings(RegionId regionId, CityPlan.Region region, LoadedCatalog skus, ListingWindow window,
			Progress progress) {
		for (var l : region.listings()) {
			listings.publish(DEMO, new NewListing(regionId, skus.sku(l), l.groupPrice(), l.listPrice(), l.stockCap(),
					l.perResidentLimit(), window.opensAt(), null, window.pickupDate()));
			progress.advance(LISTING, "listings for " + window.pickupDate());
		}
		return region.listings().size();
	}

	private static long work(CityPlan plan) {
		long units = (long) CatalogLoader.SUPPLIER * plan.suppliers().size()
				+ (long) CatalogLoader.PRODUCT * plan.products().size()
				+ (long) PeopleLoader.ACCOUNT * plan.logins().size();
		for (var region : plan.regions()) {
			units += (long) WAREHOUSE * region.warehouses().size()
					+ (long) (COMMUNITY + PeopleLoader.ACCOUNT + PeopleLoader.LEADER) * region.communities().size()
					+ (long) (PeopleLoader.ACCOUNT + PeopleLoader.BINDING) * region.residents().size()
					+ (long) LISTING * region.listings().size();
		}
		return units;
	}
}
