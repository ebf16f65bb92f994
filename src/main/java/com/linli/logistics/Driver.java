package com.linli.logistics;

/** A driver (DRIVER account) of a region, with the vehicle they usually drive, if any. */
public record Driver(long accountId, long regionId, Long gridWarehouseId, String name, String phone, boolean active,
		Long vehicleId, String vehiclePlate) {
}
