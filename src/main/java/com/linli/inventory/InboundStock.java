package com.linli.inventory;

import java.util.Collection;
import java.util.Map;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;

/**
 * Units on their way to a warehouse that are not stock yet: open purchase orders (supply implements
 * this; inventory may not depend on supply, so supply plugs in). Purchase suggestions net them.
 */
public interface InboundStock {

	/** Units ordered and not yet received per SKU at the warehouse (SKUs without any are left out). */
	Map<SkuId, Long> onOrder(WarehouseId warehouse, Collection<SkuId> skus);
}
