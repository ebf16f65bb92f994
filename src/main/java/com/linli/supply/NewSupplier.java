package com.linli.supply;

/** A supplier to register, or the new details of an existing one. */
public record NewSupplier(String name, String contactName, String contactPhone, String address) {
}
