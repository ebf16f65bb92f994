package com.linli.marketing;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.linli.Api;
import com.linli.catalog.CatalogManagement;
import com.linli.catalog.Category;
import com.linli.catalog.NewCategory;
import com.linli.catalog.NewProduct;
import com.linli.catalog.NewSku;
import com.linli.catalog.Sku;
import com.linli.catalog.StorageTemperature;
import com.linli.network.NetworkManagement;
import com.linli.network.NewCommunity;
import com.linli.network.NewPickupPoint;
import com.linli.network.NewRegion;
import com.linli.network.NewWarehouse;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.network.WarehouseKind;

/**
 * Test data for listings, made through the network and catalog APIs as the simulator would: each call
 * makes fresh, uniquely named things, so tests never see each other's data.
 */
public final class MarketingFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private final NetworkManagement network;

	private final CatalogManagement catalog;

	public MarketingFixtures(NetworkManagement network, CatalogManagement catalog) {
		this.network = network;
		this.catalog = catalog;
	}

	public static int next() {
		return SEQUENCE.incrementAndGet();
	}

	public Region region() {
		int n = next();
		return network.createRegion(new NewRegion("测试城" + n, "MK" + n, ZoneId.of("Asia/Shanghai")));
	}

	/** A pickup point in a new community of the region, with its grid warehouse. */
	public PickupPoint pickupPoint(Region region, String communityName, double latitude, double longitude) {
		int n = next();
		var grid = network.createWarehouse(new NewWarehouse(region.id(), WarehouseKind.GRID, "网格仓" + n,
				"仓库路 " + n + " 号", latitude, longitude));
		var community = network.createCommunity(new NewCommunity(region.id(), communityName, "测试区",
				"幸福路 " + n + " 号", latitude, longitude, 800));
		return network.openPickupPoint(new NewPickupPoint(community.id(), grid.id(), communityName + "便利店",
				"幸福路 " + n + " 号 1 栋底商", latitude, longitude, LocalTime.of(8, 0), LocalTime.of(21, 0)));
	}

	public Category category(String name, int sortOrder) {
		return catalog.createCategory(new NewCategory(name + next(), null, sortOrder));
	}

	/** A product with one SKU in the category; the SKU is returned. */
	public Sku sku(Category category, String productName, String spec) {
		var product = catalog.createProduct(new NewProduct(category.id(), productName, productName + "，产地直采，当天分拣。",
				"山东烟台", Set.of(), null,
				List.of(new NewSku(spec, "份", null, StorageTemperature.CHILLED, 7, 500))));
		return catalog.skusOf(product.id()).get(0);
	}

	/** An operator managing the given regions, signed in to the API. */
	public static Api operatorOf(Api api, Region... regions) {
		String phone = Api.newPhone();
		long[] regionIds = java.util.Arrays.stream(regions).mapToLong(r -> r.id().value()).toArray();
		var created = api.asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营" + next(),
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds", regionIds));
		if (created.status() != 201) {
			throw new IllegalStateException("operator not created: " + created);
		}
		return api.as(phone, "secret123");
	}
}
