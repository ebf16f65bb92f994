package com.linli.marketing;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.linli.Api;
import com.linli.catalog.Category;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.NewCategory;
import com.linli.catalog.NewProduct;
import com.linli.catalog.NewSku;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.Sku;
import com.linli.catalog.StorageTemperature;
import com.linli.identity.Actor;
import com.linli.network.CommunityManagement;
import com.linli.network.NewCommunity;
import com.linli.network.NewPickupPoint;
import com.linli.network.NewRegion;
import com.linli.network.NewWarehouse;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;

import org.springframework.beans.factory.BeanFactory;

/**
 * Test data for listings, made through the network and catalog APIs as the simulator would: each call
 * makes fresh, uniquely named things, so tests never see each other's data.
 */
public final class MarketingFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	/** The platform itself makes test data, as the demo simulator does. */
	private static final Actor FIXTURES = Actor.system("test-fixtures");

	private final RegionManagement regions;

	private final WarehouseManagement warehouses;

	private final CommunityManagement communities;

	private final PickupPointManagement pickupPoints;

	private final CategoryManagement categories;

	private final ProductManagement products;

	/** Takes the network and catalog services from the beans of a running application. */
	public MarketingFixtures(BeanFactory beans) {
		this.regions = beans.getBean(RegionManagement.class);
		this.warehouses = beans.getBean(WarehouseManagement.class);
		this.communities = beans.getBean(CommunityManagement.class);
		this.pickupPoints = beans.getBean(PickupPointManagement.class);
		this.categories = beans.getBean(CategoryManagement.class);
		this.products = beans.getBean(ProductManagement.class);
	}

	public static int next() {
		return SEQUENCE.incrementAndGet();
	}

	public Region region() {
		int n = next();
		return regions.createRegion(FIXTURES, new NewRegion("测试城" + n, "MK" + n, ZoneId.of("Asia/Shanghai")));
	}

	/** A pickup point in a new community of the region, with its grid warehouse. */
	public PickupPoint pickupPoint(Region region, String communityName, double latitude, double longitude) {
		int n = next();
		var grid = warehouses.createWarehouse(FIXTURES, new NewWarehouse(region.id(), WarehouseKind.GRID, "网格仓" + n,
				"仓库路 " + n + " 号", latitude, longitude));
		var community = communities.createCommunity(FIXTURES, new NewCommunity(region.id(), communityName, "测试区",
				"幸福路 " + n + " 号", latitude, longitude, 800));
		return pickupPoints.openPickupPoint(FIXTURES, new NewPickupPoint(community.id(), grid.id(), communityName + "便利店",
				"幸福路 " + n + " 号 1 栋底商", latitude, longitude, LocalTime.of(8, 0), LocalTime.of(21, 0)));
	}

	public Category category(String name, int sortOrder) {
		return categories.createCategory(new NewCategory(name + next(), null, sortOrder), FIXTURES.actedBy());
	}

	/** A product with one SKU in the category; the SKU is returned. */
	public Sku sku(Category category, String productName, String spec) {
		var product = products.createProduct(new NewProduct(category.id(), productName, productName + "，产地直采，当天分拣。",
				"山东烟台", Set.of(), null,
				List.of(new NewSku(spec, "份", null, StorageTemperature.CHILLED, 7, 500))), FIXTURES.actedBy());
		return products.skusOf(product.id()).get(0);
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
