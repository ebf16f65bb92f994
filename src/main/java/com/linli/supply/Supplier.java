package com.linli.supply;

import com.linli.shared.SupplierId;

/** A company that delivers goods to the central warehouse (供应商), with the person to call. */
public record Supplier(SupplierId id, String name, String contactName, String contactPhone, String address,
		boolean active) {
}
