package com.linli.inventory;

import com.linli.catalog.CatalogManagement;
import com.linli.catalog.Sku;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.NetworkManagement;
import com.linli.network.NewWarehouse;
import com.linli.network.Region;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;

/** Fresh regions, warehouses and SKUs for inventory tests, made through the network and catalog APIs. */
public final class InventoryFixtures {

	private final NetworkManagement network;

	private final MarketingFixtures marketing;

	public InventoryFixtures(NetworkManagement network, CatalogManagement catalog) {
		this.network = network;
		this.marketing = new MarketingFixtures(network, catalog);
	}

	public Region region() {
		return marketing.region();
	}

	public Warehouse central(Region region) {
		int n = MarketingFixtures.next();
		return network.createWarehouse(new NewWarehouse(region.id(), WarehouseKind.CENTRAL, "中心仓" + n, "物流园 " + n + " 号",
				36.1, 120.4));
	}

	public Warehouse grid(Region region) {
		int n = MarketingFixtures.next();
		return network.createWarehouse(new NewWarehouse(region.id(), WarehouseKind.GRID, "网格仓" + n, "仓库路 " + n + " 号",
				36.2, 120.5));
	}

	/** A chilled SKU with a shelf life of 7 days. */
	public Sku sku(String name) {
		return marketing.sku(marketing.category("生鲜", 1), name, "500g/盒");
	}
}
