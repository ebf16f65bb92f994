package com.linli.catalog;

/** How a SKU is kept from warehouse to pickup: room temperature, chilled (0–8 °C) or frozen (≤ −18 °C). */
public enum StorageTemperature {

	AMBIENT, CHILLED, FROZEN
}
