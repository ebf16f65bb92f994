package com.linli.logistics.planning;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.linli.Api;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.NewCategory;
import com.linli.catalog.NewProduct;
import com.linli.catalog.NewSku;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.Sku;
import com.linli.catalog.StorageTemperature;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.identity.internal.ApiTokens;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.CommunityManagement;
import com.linli.network.NewCommunity;
import com.linli.network.NewPickupPoint;
import com.linli.network.NewWarehouse;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.ordering.OrderingFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A city morning to plan, made as the platform would: a region with a grid warehouse and {@code points}
 * pickup points spread over about 10 km, a second small grid warehouse of three points, residents' paid
 * orders of a chilled and a frozen SKU at every point (through HTTP), and a completed cutoff.
 */
public final class PlanningCity {

	private static final Actor FIXTURES = Actor.system("test-fixtures");

	static final double LAT = 30.27;

	static final double LON = 120.15;

	public final OrderingFixtures world;

	public final FulfilmentFixtures day;

	public final Warehouse grid;

	public final List<PickupPoint> points = new ArrayList<>();

	public final Warehouse small;

	public final List<PickupPoint> smallPoints = new ArrayList<>();

	public final Sku chilled;

	public final Sku frozen;

	public final Api operator;

	public final long runId;

	private final JdbcClient jdbc;

	public PlanningCity(ApplicationContext context, int port, int points, long seed) {
		this.jdbc = context.getBean(JdbcClient.class);
		world = new OrderingFixtures(context, port);
		day = new FulfilmentFixtures(world, port);
		var warehouses = context.getBean(WarehouseManagement.class);
		var communities = context.getBean(CommunityManagement.class);
		var pickupPoints = context.getBean(PickupPointManagement.class);
		int n = MarketingFixtures.next();
		grid = warehouses.createWarehouse(FIXTURES, new NewWarehouse(world.region.id(), WarehouseKind.GRID, "规划仓" + n,
				"物流路 " + n + " 号", LAT, LON));
		small = warehouses.createWarehouse(FIXTURES, new NewWarehouse(world.region.id(), WarehouseKind.GRID, "小仓" + n,
				"物流路 " + n + " 号B", LAT + 0.02, LON + 0.02));
		Random random = new Random(seed);
		for (int i = 0; i < points + 3; i++) {
			boolean isSmall = i >= points;
			Warehouse w = isSmall ? small : grid;
			double lat = w.latitude() + (random.nextDouble() - 0.5) * (isSmall ? 0.02 : 0.09);
			double lon = w.longitude() + (random.nextDouble() - 0.5) * (isSmall ? 0.02 : 0.10);
			String name = (isSmall ? "小区" : "社区") + n + "-" + (i + 1);
			var community = communities.createCommunity(FIXTURES, new NewCommunity(world.region.id(), name, "测试区",
					"规划路 " + (i + 1) + " 号", lat, lon, 800));
			var point = pickupPoints.openPickupPoint(FIXTURES, new NewPickupPoint(community.id(), w.id(), name + "店",
					"规划路 " + (i + 1) + " 号底商", lat, lon, LocalTime.of(8, 0), LocalTime.of(21, 0)));
			(isSmall ? smallPoints : this.points).add(point);
		}
		var categories = context.getBean(CategoryManagement.class);
		var products = context.getBean(ProductManagement.class);
		var category = categories.createCategory(new NewCategory("冷链" + n, null, 1), FIXTURES.actedBy());
		chilled = sku(products, category.id(), "鲜牛奶" + n, StorageTemperature.CHILLED, 1000);
		frozen = sku(products, category.id(), "速冻水饺" + n, StorageTemperature.FROZEN, 500);
		// frozen dumplings: 8 bags a crate (the default would be 20)
		jdbc.sql("insert into logistics.sku_packing (sku_id, units_per_crate) values (?, 8)").param(frozen.id().value())
			.update();
		Listing milk = world.listing(chilled, "9.90", 100_000, 100);
		Listing dumplings = world.listing(frozen, "15.90", 100_000, 100);
		var accounts = context.getBean(AccountManagement.class);
		var bindings = context.getBean(ResidentBindingManagement.class);
		var tokens = context.getBean(ApiTokens.class);
		List<PickupPoint> all = new ArrayList<>(this.points);
		all.addAll(smallPoints);
		List<NewAccount> batch = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			String phone = Api.newPhone();
			batch.add(new NewAccount(phone, "居民" + phone.substring(7), "secret123", Set.of(Role.RESIDENT), Set.of()));
		}
		List<AccountId> ids = accounts.createAll(batch);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<JsonNode>> orders = new ArrayList<>();
			for (int i = 0; i < all.size(); i++) {
				bindings.bindResident(ids.get(i), all.get(i).id());
				Api resident = Api.at(port).withToken(tokens.issue(ids.get(i).value()).token());
				// 5..24 litres of milk (1 or 2 chilled crates of 12), 3..18 bags of dumplings (1..3 frozen crates of 8);
				// the third small point orders 40 litres (4 crates)
				int litres = i == all.size() - 1 ? 40 : 5 + random.nextInt(20);
				int bags = 3 + random.nextInt(16);
				orders.add(pool.submit(() -> day.paidOrder(resident, milk, litres, dumplings, bags)));
			}
			for (Future<JsonNode> order : orders) {
				order.get();
			}
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			pool.shutdown();
		}
		operator = day.operator();
		JsonNode run = day.cutoff(operator);
		if (!run.get("status").asText().equals("COMPLETED")) {
			throw new IllegalStateException("cutoff not completed: " + run);
		}
		runId = run.get("id").asLong();
	}

	private static Sku sku(ProductManagement products, com.linli.catalog.CategoryId category, String name,
			StorageTemperature temperature, int grams) {
		var product = products.createProduct(new NewProduct(category, name, name + "，冷链直送。", "浙江杭州", Set.of(), null,
				List.of(new NewSku(grams + "g", "份", null, temperature, 7, grams))), FIXTURES.actedBy());
		return products.skusOf(product.id()).get(0);
	}

	/** A vehicle of a grid warehouse (as the fleet pages would store it); answers its id. */
	public long vehicle(Warehouse warehouse, String plate, int ambient, int chilledCrates, int frozenCrates, int maxKg,
			LocalTime start, LocalTime latestReturn) {
		return jdbc.sql("""
				insert into logistics.vehicle (region_id, grid_warehouse_id, plate, name, ambient_crates, chilled_crates,
				  frozen_crates, max_kg, cost_per_km_fen, cost_per_hour_fen, fixed_cost_fen, shift_start, latest_return)
				values (?, ?, ?, ?, ?, ?, ?, ?, 300, 4000, 5000, ?, ?) returning id""")
			.params(world.region.id().value(), warehouse.id().value(), plate, "冷藏车 " + plate, ambient, chilledCrates,
					frozenCrates, maxKg, start, latestReturn)
			.query(Long.class).single();
	}

	public static String plate() {
		return "浙A" + String.format("%05d", MarketingFixtures.next() % 100_000) + (char) ('A' + (int) (System.nanoTime() % 26));
	}
}
