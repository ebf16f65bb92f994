package com.linli.network;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.identity.Actor;
import com.linli.network.internal.Communities;
import com.linli.network.internal.PickupPoints;
import com.linli.network.internal.Warehouses;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of pickup points (where residents collect, each in a community and served by a grid
 * warehouse of its region): opening and editing one, by staff who work in its region, and finding them.
 */
@Service
@Transactional(readOnly = true)
public class PickupPointManagement {

	private final Warehouses warehouses;

	private final Communities communities;

	private final PickupPoints pickupPoints;

	private final ApplicationEventPublisher events;

	PickupPointManagement(Warehouses warehouses, Communities communities, PickupPoints pickupPoints,
			ApplicationEventPublisher events) {
		this.warehouses = warehouses;
		this.communities = communities;
		this.pickupPoints = pickupPoints;
		this.events = events;
	}

	/** Opens a pickup point in a community, served by a grid warehouse of the same region; publishes {@link PickupPointOpened}. */
	@Transactional
	public PickupPoint openPickupPoint(Actor actor, NewPickupPoint p) {
		var community = communities.find(Inputs.required("communityId", p.communityId()))
			.orElseThrow(() -> new InvalidInputException("communityId", Text.of("network.problem.unknownCommunity", p.communityId())));
		actor.checkRegion(community.regionId().value());
		checkGridWarehouse(p.gridWarehouseId(), community.regionId());
		var point = new NewPickupPoint(community.id(), p.gridWarehouseId(), Inputs.text("name", p.name(), 60),
				Inputs.text("address", p.address(), 200), Inputs.latitude(p.latitude()), Inputs.longitude(p.longitude()),
				p.opensAt(), p.closesAt());
		Inputs.openingHours(point.opensAt(), point.closesAt());
		checkPickupPointName(community.id(), point.name(), null);
		var id = pickupPoints.insert(community.regionId(), point);
		events.publishEvent(new PickupPointOpened(id, community.regionId()));
		events.publishEvent(new AdminChange(actor.actedBy(), "network.pickup-point.open", "pickup-point:" + id,
				point.name() + " community:" + community.id() + " grid:" + point.gridWarehouseId()));
		return getPickupPoint(id);
	}

	@Transactional
	public PickupPoint updatePickupPoint(Actor actor, PickupPointId id, PickupPointChange c) {
		var current = getPickupPoint(id);
		actor.checkRegion(current.regionId().value());
		if (!Inputs.required("gridWarehouseId", c.gridWarehouseId()).equals(current.gridWarehouseId())) {
			checkGridWarehouse(c.gridWarehouseId(), current.regionId());
		}
		var change = new PickupPointChange(c.gridWarehouseId(), Inputs.text("name", c.name(), 60),
				Inputs.text("address", c.address(), 200), Inputs.latitude(c.latitude()), Inputs.longitude(c.longitude()),
				c.opensAt(), c.closesAt(), c.active());
		Inputs.openingHours(change.opensAt(), change.closesAt());
		checkPickupPointName(current.communityId(), change.name(), id);
		pickupPoints.update(id, change);
		events.publishEvent(new AdminChange(actor.actedBy(), "network.pickup-point.update", "pickup-point:" + id,
				change.name() + " grid:" + change.gridWarehouseId() + " " + change.opensAt() + "-" + change.closesAt()
						+ " active=" + change.active()));
		return getPickupPoint(id);
	}

	public PickupPoint getPickupPoint(PickupPointId id) {
		return pickupPoints.find(Inputs.required("pickupPointId", id))
			.orElseThrow(() -> new NotFoundException("pickup point", id));
	}

	/** The active pickup points of a region, by name. */
	public List<PickupPoint> pickupPoints(RegionId regionId) {
		return pickupPoints.activeOfRegion(regionId);
	}

	/** The pickup points with these ids (active or not); unknown ids are left out. */
	public Map<PickupPointId, PickupPoint> pickupPoints(Collection<PickupPointId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return pickupPoints.findAll(ids).stream().collect(Collectors.toMap(PickupPoint::id, Function.identity()));
	}

	/** The active pickup points of a region nearest to a position, nearest first (at most 200). */
	public List<PickupPoint> nearestPickupPoints(RegionId regionId, double latitude, double longitude, int limit) {
		Inputs.latitude(latitude);
		Inputs.longitude(longitude);
		return pickupPoints.nearest(regionId, latitude, longitude, Math.min(Math.max(limit, 1), 200));
	}

	public Page<PickupPoint> searchPickupPoints(NetworkSearch search, CommunityId community) {
		return pickupPoints.search(search, community);
	}

	private void checkGridWarehouse(WarehouseId id, RegionId region) {
		var warehouse = warehouses.find(Inputs.required("gridWarehouseId", id))
			.orElseThrow(() -> new InvalidInputException("gridWarehouseId", Text.of("network.problem.unknownWarehouse", id)));
		if (warehouse.kind() != WarehouseKind.GRID) {
			throw new InvalidInputException("gridWarehouseId", Text.of("network.problem.mustGridWarehouseNotCentralOne"));
		}
		if (!warehouse.regionId().equals(region)) {
			throw new InvalidInputException("gridWarehouseId",
					Text.of("network.problem.gridWarehouseOfCommunityRegion"));
		}
		if (!warehouse.active()) {
			throw new InvalidInputException("gridWarehouseId", Text.of("network.problem.gridWarehouseClosed"));
		}
	}

	private void checkPickupPointName(CommunityId community, String name, PickupPointId except) {
		if (pickupPoints.nameTaken(community, name, except)) {
			throw new BusinessRuleException("pickup-point-name-taken", "name",
					Text.of("network.problem.communityAlreadyHasPickupPointName"));
		}
	}
}
