package com.linli.network;

/** Central warehouses (中心仓) receive from suppliers; grid warehouses (网格仓) sort for and serve pickup points. */
public enum WarehouseKind {

	CENTRAL, GRID
}
