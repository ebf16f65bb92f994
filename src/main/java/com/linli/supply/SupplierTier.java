package com.linli.supply;

/** How much a supplier is relied on: strategic suppliers are asked first, emergency ones last. */
public enum SupplierTier {
	STRATEGIC, PREFERRED, EMERGENCY
}
