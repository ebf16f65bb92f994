package com.linli.logistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sorting waves (分拣波次) of a ready plan in its grid warehouse: routes leaving together form a wave; per
 * route, the stops in delivery order with the SKUs to pick and the crates per zone, and the loading order
 * (the last stop loaded first, so the first stop's crates are at the door).
 */
public record SortingWaves(RoutePlan plan, String gridWarehouseName, List<Wave> waves) {

	/** Routes departing at the same time, picked together. */
	public record Wave(int waveNo, Instant departAt, List<WaveRoute> routes) {
	}

	/** One route of a wave: its vehicle and its stops in delivery order. */
	public record WaveRoute(long routeId, int routeNo, long vehicleId, String vehiclePlate, Instant departAt, Load load,
			List<WaveStop> stops) {

		/** The stops in the order their crates go onto the truck: the last stop first. */
		public List<WaveStop> loadingOrder() {
			List<WaveStop> order = new ArrayList<>(stops);
			Collections.reverse(order);
			return order;
		}
	}

	/** A stop of a route: its pickup point, its crates per zone and the SKU lines to pick for it. */
	public record WaveStop(long stopId, int seq, long pickupPointId, String pickupPointName, String address,
			Instant plannedArrival, Load load, int orders, List<PickLine> lines) {
	}

	/** Units of one SKU for one stop, with the temperature zone it is packed in. */
	public record PickLine(long skuId, String skuName, String unit, String zone, long units) {
	}
}
