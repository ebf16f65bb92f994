package com.linli.network.internal.web;

import java.time.LocalTime;
import java.util.function.Function;

import com.linli.network.Community;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import com.linli.shared.Page;

/** The JSON shapes of the network API: plain numeric ids, times as {@code HH:mm:ss}. */
final class Views {

	private Views() {
	}

	static <T, V> Page<V> page(Page<T> page, Function<T, V> view) {
		return new Page<>(page.items().stream().map(view).toList(), page.total(), page.page(), page.size());
	}

	record RegionView(long id, String name, String code, String zone, boolean active) {

		static RegionView of(Region r) {
			return new RegionView(r.id().value(), r.name(), r.code(), r.zone().getId(), r.active());
		}
	}

	record WarehouseView(long id, long regionId, WarehouseKind kind, String name, String address, double latitude,
			double longitude, boolean active) {

		static WarehouseView of(Warehouse w) {
			return new WarehouseView(w.id().value(), w.regionId().value(), w.kind(), w.name(), w.address(),
					w.latitude(), w.longitude(), w.active());
		}
	}

	record CommunityView(long id, long regionId, String name, String district, String address, double latitude,
			double longitude, int households) {

		static CommunityView of(Community c) {
			return new CommunityView(c.id().value(), c.regionId().value(), c.name(), c.district(), c.address(),
					c.latitude(), c.longitude(), c.households());
		}
	}

	/** A pickup point; {@code distanceMeters} when asked for by position, {@code residents} for staff. */
	record PickupPointView(long id, long regionId, long communityId, String communityName, long gridWarehouseId,
			String name, String address, double latitude, double longitude, LocalTime opensAt, LocalTime closesAt,
			boolean active, Long distanceMeters, Long residents) {

		static PickupPointView of(PickupPoint p) {
			return of(p, null, null);
		}

		static PickupPointView of(PickupPoint p, Long distanceMeters, Long residents) {
			return new PickupPointView(p.id().value(), p.regionId().value(), p.communityId().value(), p.communityName(),
					p.gridWarehouseId().value(), p.name(), p.address(), p.latitude(), p.longitude(), p.opensAt(),
					p.closesAt(), p.active(), distanceMeters, residents);
		}
	}
}
