package com.linli.network;

import java.time.ZoneId;

/** A city or area the platform serves (城市区域): the shard everything else in the network belongs to. */
public record Region(RegionId id, String name, String code, ZoneId zone, boolean active) {
}
