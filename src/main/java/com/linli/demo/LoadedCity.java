package com.linli.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

/** What a load created: the regions, the first pickup point (where the demo leader and resident are), counts. */
public record LoadedCity(List<RegionId> regions, PickupPointId firstPickupPoint, int pickupPoints, int residents,
		int skus, int listings, LocalDate pickupDate, Duration took) {

	public LoadedCity {
		regions = List.copyOf(regions);
	}
}
