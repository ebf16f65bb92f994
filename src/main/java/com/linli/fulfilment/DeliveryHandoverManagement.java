package com.linli.fulfilment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.linli.fulfilment.internal.Handovers;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.PickupPointId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-over of a pickup point's goods by the driver (交接), the step before the leader's receipt: once per
 * pickup point and pickup date. The leader's receipt page says who handed over and when; receiving works as
 * before, with or without a hand-over on record. Called by logistics (which checks the driver's route); fulfilment
 * knows nothing of routes.
 */
@Service
public class DeliveryHandoverManagement {

	private final Handovers handovers;

	private final PickupPointManagement network;

	DeliveryHandoverManagement(Handovers handovers, PickupPointManagement network) {
		this.handovers = handovers;
		this.network = network;
	}

	/** Records the hand-over; 409 if the pickup point's goods of that date were already handed over. */
	@Transactional
	public DeliveryHandover handOver(PickupPointId pickupPointId, LocalDate pickupDate, Long driverAccountId,
			String driverName, Instant at, Actor actor) {
		PickupPoint point = network.getPickupPoint(pickupPointId);
		// a driver's route was checked by logistics; staff act in their regions
		if (!actor.isSystem() && !actor.hasRole(Role.DRIVER) && !actor.worksIn(point.regionId().value())) {
			throw new AccessDeniedException("pickup point " + point.id().value() + " is not in your regions");
		}
		if (pickupDate == null) {
			throw new InvalidInputException("pickupDate", Text.of("fulfilment.problem.choosePickupDate"));
		}
		String name = driverName == null || driverName.isBlank() ? "-" : driverName.strip();
		if (name.length() > 60) {
			name = name.substring(0, 60);
		}
		Optional<DeliveryHandover> existing = handovers.find(pickupPointId, pickupDate);
		if (existing.isPresent()) {
			throw new BusinessRuleException("already-handed-over", "pickupPointId",
					Text.of("fulfilment.problem.alreadyHandedOver", point.name(), existing.get().driverName()));
		}
		return handovers.insert(pickupPointId, pickupDate, driverAccountId, name, at)
			.orElseThrow(() -> new BusinessRuleException("already-handed-over", "pickupPointId",
					Text.of("fulfilment.problem.alreadyHandedOver", point.name(), "-")));
	}

	/** The hand-over of a pickup point's goods of a date, if the driver has handed them over. */
	public Optional<DeliveryHandover> handover(PickupPointId pickupPointId, LocalDate pickupDate) {
		return handovers.find(pickupPointId, pickupDate);
	}
}
