package com.linli.fulfilment.internal;

import com.linli.network.RegionId;

import org.springframework.stereotype.Component;

/**
 * A test hook: armed by a test, it stops the next cutoff of a region right after the given number of
 * pickup points were committed, as a crash would. Production never arms it; the runner's only cost
 * is one volatile read per committed chunk.
 */
@Component
class CutoffInterruption {

	private volatile Trap trap;

	void arm(RegionId region, int afterPickupPoints) {
		trap = new Trap(region, afterPickupPoints);
	}

	void disarm() {
		trap = null;
	}

	void check(RegionId region, int pickupPointsCommitted) {
		Trap armed = trap;
		if (armed != null && armed.region().equals(region) && pickupPointsCommitted >= armed.afterPickupPoints()) {
			trap = null;
			throw new CutoffInterrupted("cutoff interrupted on purpose after " + pickupPointsCommitted + " pickup point(s)");
		}
	}

	private record Trap(RegionId region, int afterPickupPoints) {
	}

	/** What the hook throws. */
	static class CutoffInterrupted extends RuntimeException {

		CutoffInterrupted(String message) {
			super(message);
		}
	}
}
