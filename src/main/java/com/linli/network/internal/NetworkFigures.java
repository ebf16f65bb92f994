package com.linli.network.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Component;

/** Communities and open pickup points in the viewer's regions, for the console home. */
@Component
class NetworkFigures implements ConsoleFigures {

	private final Communities communities;

	private final PickupPoints pickupPoints;

	NetworkFigures(Communities communities, PickupPoints pickupPoints) {
		this.communities = communities;
		this.pickupPoints = pickupPoints;
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		Long[] regions = regionScope.map(ids -> ids.toArray(Long[]::new)).orElse(null);
		return List.of(
				new Figure(10, "network.figure.communities", String.format("%,d", communities.count(regions)),
						"/console/communities"),
				new Figure(11, "network.figure.pickupPoints", String.format("%,d", pickupPoints.countActive(regions)),
						"/console/pickup-points"));
	}
}
