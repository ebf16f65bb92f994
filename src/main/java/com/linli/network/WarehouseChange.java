package com.linli.network;

/** An edit of a warehouse: region and kind stay, since pickup points and stock hang on them. */
public record WarehouseChange(String name, String address, double latitude, double longitude, boolean active) {
}
