package com.linli.ordering.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import com.linli.identity.CurrentUser;
import com.linli.identity.Role;
import com.linli.identity.VerifierPickupPoints;
import com.linli.network.KeeperManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionManagement;
import com.linli.shared.Text;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The pickup point the signed-in leader runs (only an active leader keeps one): every leader screen
 * and API of ordering is scoped to it, and a leader without one is refused (403).
 */
@Component
class KeptPickupPoints {

	private final KeeperManagement network;

	private final RegionManagement regions;

	private final Clock clock;

	private final PickupPointManagement pickupPoints;

	private final ObjectProvider<VerifierPickupPoints> verifiers;

	KeptPickupPoints(KeeperManagement network, RegionManagement regions, Clock clock,
			PickupPointManagement pickupPoints, ObjectProvider<VerifierPickupPoints> verifiers) {
		this.network = network;
		this.regions = regions;
		this.clock = clock;
		this.pickupPoints = pickupPoints;
		this.verifiers = verifiers;
	}

	/** The point the signed-in leader runs, or the one a helper (核销员) verifies at while their leader runs it. */
	Optional<PickupPoint> find() {
		var user = CurrentUser.require();
		var kept = network.pickupPointKeptBy(user.id());
		if (kept.isPresent() || !user.hasRole(Role.VERIFIER)) {
			return kept;
		}
		var lookup = verifiers.getIfAvailable();
		return lookup == null ? Optional.empty()
				: lookup.pickupPointVerifiedBy(user.id()).map(id -> pickupPoints.getPickupPoint(new PickupPointId(id)));
	}

	PickupPoint require() {
		return find().orElseThrow(() -> new AccessDeniedException(
				Text.of("ordering.problem.noActivePickupPoint").inReadersLanguage()));
	}

	/** Today in the pickup point's region. */
	LocalDate today(PickupPoint point) {
		return LocalDate.now(clock.withZone(zone(point)));
	}

	ZoneId zone(PickupPoint point) {
		return regions.getRegion(point.regionId()).zone();
	}
}
