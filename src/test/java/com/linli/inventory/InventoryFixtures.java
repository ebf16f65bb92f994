package com.linli.inventory;

import com.linli.catalog.Sku;
import com.linli.identity.Actor;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.NewWarehouse;
import com.linli.network.Region;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;

import org.springframework.beans.factory.BeanFactory;

/** Fresh regions, warehouses and SKUs for inventory tests, made through the network and catalog APIs. */
public final class InventoryFixtures {

	private final WarehouseManagement warehouses;

	private final MarketingFixtures marketing;

	/** Takes the network and catalog services from the beans of a running application. */
	public InventoryFixtures(BeanFactory beans) {
		this.warehouses = beans.getBean(WarehouseManagement.class);
		this.marketing = new MarketingFixtures(beans);
	}

	public Region region() {
		return marketing.region();
	}

	public Warehouse central(Region region) {
		int n = MarketingFixtures.next();
		return warehouses.createWarehouse(Actor.system("test-fixtures"), new NewWarehouse(region.id(), WarehouseKind.CENTRAL, "中心仓" + n, "物流园 " + n + " 号",
				36.1, 120.4));
	}

	public Warehouse grid(Region region) {
		int n = MarketingFixtures.next();
		return warehouses.createWarehouse(Actor.system("test-fixtures"), new NewWarehouse(region.id(), WarehouseKind.GRID, "网格仓" + n, "仓库路 " + n + " 号",
				36.2, 120.5));
	}

	/** A chilled SKU with a shelf life of 7 days. */
	public Sku sku(String name) {
		return marketing.sku(marketing.category("生鲜", 1), name, "500g/盒");
	}
}
