package com.linli.logistics;

/** A driver account to open: the region (and usual grid warehouse), login phone, name and first password. */
public record NewDriver(Long regionId, Long gridWarehouseId, String phone, String name, String password) {
}
