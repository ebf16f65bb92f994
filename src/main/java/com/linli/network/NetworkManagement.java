package com.linli.network;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.CurrentUser;
import com.linli.network.internal.Communities;
import com.linli.network.internal.PickupPoints;
import com.linli.network.internal.Regions;
import com.linli.network.internal.Keepers;
import com.linli.network.internal.ResidentBindings;
import com.linli.network.internal.Warehouses;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the network: regions, warehouses, communities and pickup points, and which pickup
 * point a resident collects from. Changes made by a signed-in user are checked against their role
 * and regions (platform admins open regions, operators work in their own regions); calls with no
 * signed-in user come from the platform itself (the demo simulator) and are trusted.
 */
@Service
@Transactional(readOnly = true)
public class NetworkManagement {

	private final Regions regions;

	private final Warehouses warehouses;

	private final Communities communities;

	private final PickupPoints pickupPoints;

	private final ResidentBindings bindings;

	private final Keepers keepers;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	/** Residents' pickup points for the order path, by account id. */
	private final com.linli.shared.ReadCache<Long, PickupPoint> boundPoints = new com.linli.shared.ReadCache<>(
			java.time.Duration.ofMinutes(10), 200_000);

	NetworkManagement(Regions regions, Warehouses warehouses, Communities communities, PickupPoints pickupPoints,
			ResidentBindings bindings, Keepers keepers, AccountManagement accounts, ApplicationEventPublisher events) {
		this.keepers = keepers;
		this.regions = regions;
		this.warehouses = warehouses;
		this.communities = communities;
		this.pickupPoints = pickupPoints;
		this.bindings = bindings;
		this.accounts = accounts;
		this.events = events;
	}

	// regions

	@Transactional
	public Region createRegion(NewRegion r) {
		checkAdmin();
		var region = new NewRegion(Inputs.text("name", r.name(), 60), Inputs.regionCode(r.code()), Zones.check(r.zone()));
		if (regions.codeTaken(region.code())) {
			throw new BusinessRuleException("region-code-taken", "code", Text.of("network.problem.regionCodeTaken", region.code()));
		}
		checkRegionName(region.name(), null);
		var id = regions.insert(region);
		events.publishEvent(new AdminChange("network.region.create", "region:" + id, region.name() + " " + region.code()));
		return getRegion(id);
	}

	@Transactional
	public Region updateRegion(RegionId id, RegionChange c) {
		checkAdmin();
		getRegion(id);
		var change = new RegionChange(Inputs.text("name", c.name(), 60), Zones.check(c.zone()), c.active());
		checkRegionName(change.name(), id);
		regions.update(id, change);
		events.publishEvent(new AdminChange("network.region.update", "region:" + id,
				change.name() + " " + change.zone().getId() + " active=" + change.active()));
		return getRegion(id);
	}

	public Region getRegion(RegionId id) {
		return regions.find(Inputs.required("regionId", id)).orElseThrow(() -> new NotFoundException("region", id));
	}

	/** Every region, active or not, by name. */
	public List<Region> regions() {
		return regions.all();
	}

	public Page<Region> searchRegions(NetworkSearch search) {
		return regions.search(search);
	}

	// warehouses

	@Transactional
	public Warehouse createWarehouse(NewWarehouse w) {
		var region = existingRegion(w.regionId());
		checkManages(region.id());
		var warehouse = new NewWarehouse(region.id(), Inputs.required("kind", w.kind()), Inputs.text("name", w.name(), 60),
				Inputs.text("address", w.address(), 200), Inputs.latitude(w.latitude()), Inputs.longitude(w.longitude()));
		checkWarehouseName(region.id(), warehouse.name(), null);
		var id = warehouses.insert(warehouse);
		events.publishEvent(new AdminChange("network.warehouse.create", "warehouse:" + id,
				warehouse.kind() + " " + warehouse.name() + " region:" + region.id()));
		return getWarehouse(id);
	}

	@Transactional
	public Warehouse updateWarehouse(WarehouseId id, WarehouseChange c) {
		var current = getWarehouse(id);
		checkManages(current.regionId());
		var change = new WarehouseChange(Inputs.text("name", c.name(), 60), Inputs.text("address", c.address(), 200),
				Inputs.latitude(c.latitude()), Inputs.longitude(c.longitude()), c.active());
		checkWarehouseName(current.regionId(), change.name(), id);
		if (current.active() && !change.active() && pickupPoints.activeServedBy(id) > 0) {
			throw new BusinessRuleException("warehouse-serves-pickup-points", "active",
					Text.of("network.problem.warehouseServesPickupPoints"));
		}
		warehouses.update(id, change);
		events.publishEvent(new AdminChange("network.warehouse.update", "warehouse:" + id,
				change.name() + " active=" + change.active()));
		return getWarehouse(id);
	}

	public Warehouse getWarehouse(WarehouseId id) {
		return warehouses.find(Inputs.required("warehouseId", id))
			.orElseThrow(() -> new NotFoundException("warehouse", id));
	}

	/** Every warehouse of a region, active or not: central ones first, then by name. */
	public List<Warehouse> warehouses(RegionId regionId) {
		return warehouses.ofRegion(regionId);
	}

	public Page<Warehouse> searchWarehouses(NetworkSearch search, WarehouseKind kind) {
		return warehouses.search(search, kind);
	}

	// communities

	@Transactional
	public Community createCommunity(NewCommunity c) {
		var region = existingRegion(c.regionId());
		checkManages(region.id());
		var community = new NewCommunity(region.id(), Inputs.text("name", c.name(), 60),
				Inputs.text("district", c.district(), 40), Inputs.text("address", c.address(), 200),
				Inputs.latitude(c.latitude()), Inputs.longitude(c.longitude()), households(c.households()));
		checkCommunityName(region.id(), community.district(), community.name(), null);
		var id = communities.insert(community);
		events.publishEvent(new AdminChange("network.community.create", "community:" + id,
				community.district() + " " + community.name() + " region:" + region.id()));
		return getCommunity(id);
	}

	@Transactional
	public Community updateCommunity(CommunityId id, CommunityChange c) {
		var current = getCommunity(id);
		checkManages(current.regionId());
		var change = new CommunityChange(Inputs.text("name", c.name(), 60), Inputs.text("district", c.district(), 40),
				Inputs.text("address", c.address(), 200), Inputs.latitude(c.latitude()), Inputs.longitude(c.longitude()),
				households(c.households()));
		checkCommunityName(current.regionId(), change.district(), change.name(), id);
		communities.update(id, change);
		events.publishEvent(new AdminChange("network.community.update", "community:" + id,
				change.district() + " " + change.name() + " households=" + change.households()));
		return getCommunity(id);
	}

	public Community getCommunity(CommunityId id) {
		return communities.find(Inputs.required("communityId", id))
			.orElseThrow(() -> new NotFoundException("community", id));
	}

	/** The communities of a region by district and name. */
	public List<Community> communities(RegionId regionId) {
		return communities.ofRegion(regionId);
	}

	public Page<Community> searchCommunities(NetworkSearch search) {
		return communities.search(search);
	}

	// pickup points

	/** Opens a pickup point in a community, served by a grid warehouse of the same region; publishes {@link PickupPointOpened}. */
	@Transactional
	public PickupPoint openPickupPoint(NewPickupPoint p) {
		var community = communities.find(Inputs.required("communityId", p.communityId()))
			.orElseThrow(() -> new InvalidInputException("communityId", Text.of("network.problem.unknownCommunity", p.communityId())));
		checkManages(community.regionId());
		checkGridWarehouse(p.gridWarehouseId(), community.regionId());
		var point = new NewPickupPoint(community.id(), p.gridWarehouseId(), Inputs.text("name", p.name(), 60),
				Inputs.text("address", p.address(), 200), Inputs.latitude(p.latitude()), Inputs.longitude(p.longitude()),
				p.opensAt(), p.closesAt());
		Inputs.openingHours(point.opensAt(), point.closesAt());
		checkPickupPointName(community.id(), point.name(), null);
		var id = pickupPoints.insert(community.regionId(), point);
		events.publishEvent(new PickupPointOpened(id, community.regionId()));
		events.publishEvent(new AdminChange("network.pickup-point.open", "pickup-point:" + id,
				point.name() + " community:" + community.id() + " grid:" + point.gridWarehouseId()));
		return getPickupPoint(id);
	}

	@Transactional
	public PickupPoint updatePickupPoint(PickupPointId id, PickupPointChange c) {
		var current = getPickupPoint(id);
		checkManages(current.regionId());
		if (!Inputs.required("gridWarehouseId", c.gridWarehouseId()).equals(current.gridWarehouseId())) {
			checkGridWarehouse(c.gridWarehouseId(), current.regionId());
		}
		var change = new PickupPointChange(c.gridWarehouseId(), Inputs.text("name", c.name(), 60),
				Inputs.text("address", c.address(), 200), Inputs.latitude(c.latitude()), Inputs.longitude(c.longitude()),
				c.opensAt(), c.closesAt(), c.active());
		Inputs.openingHours(change.opensAt(), change.closesAt());
		checkPickupPointName(current.communityId(), change.name(), id);
		pickupPoints.update(id, change);
		events.publishEvent(new AdminChange("network.pickup-point.update", "pickup-point:" + id,
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

	// residents

	/** Makes the account the one who runs the pickup point (the leader module calls it for active leaders). */
	@Transactional
	public void assignKeeper(PickupPointId pickupPoint, AccountId account) {
		getPickupPoint(pickupPoint);
		keepers.assign(pickupPoint, account);
	}

	/** Nobody runs the pickup point for now (its leader was suspended or closed). */
	@Transactional
	public void releaseKeeper(PickupPointId pickupPoint) {
		keepers.release(pickupPoint);
	}

	/** The pickup point this account runs as its active leader, if any: a leader's screens are scoped to it. */
	public Optional<PickupPoint> pickupPointKeptBy(AccountId account) {
		return keepers.pointKeptBy(account).flatMap(pickupPoints::find);
	}

	/** The account that runs the pickup point as its active leader, if any (whom to tell about the point's orders). */
	public Optional<AccountId> keeperOf(PickupPointId pickupPoint) {
		return keepers.keeperOf(Inputs.required("pickupPointId", pickupPoint));
	}

	/**
	 * Who runs each of these pickup points now (their active leader's account); points nobody runs are
	 * left out. For staff screens that name the person to call about a pickup point.
	 */
	public Map<PickupPointId, AccountId> keepersOf(Collection<PickupPointId> pickupPoints) {
		return pickupPoints.isEmpty() ? Map.of() : keepers.keepersOf(pickupPoints);
	}

	/** The pickup point the resident collects from, if they chose one. */
	public Optional<PickupPoint> pickupPointOf(AccountId resident) {
		return pickupPoints.findBoundTo(resident.value());
	}

	/**
	 * As {@link #pickupPointOf(AccountId)}, from a cache for the order path: a resident moving to another
	 * pickup point or a change to a pickup point clears it; entries live at most 10 minutes (a move made on another node).
	 */
	public Optional<PickupPoint> cachedPickupPointOf(AccountId resident) {
		return Optional.ofNullable(boundPoints.get(resident.value(), r -> pickupPoints.findBoundTo(r).orElse(null)));
	}

	@org.springframework.context.event.EventListener
	void forgetPickupPoints(com.linli.shared.AdminChange change) {
		if (change.action().startsWith("network.")) {
			boundPoints.clear();
		}
	}

	/** Binds a resident to a pickup point, or moves them to another; only an open pickup point takes residents. */
	@Transactional
	public void bindResident(AccountId resident, PickupPointId pickupPoint) {
		var point = getPickupPoint(pickupPoint);
		if (!point.active()) {
			throw new BusinessRuleException("pickup-point-closed", "pickupPointId",
					Text.of("network.problem.pickupPointClosedChooseAnotherOne"));
		}
		accounts.get(Inputs.required("resident", resident));
		bindings.bind(resident, point.id());
		boundPoints.evict(resident.value());
	}

	/** How many residents collect from this pickup point. */
	public long residentsAt(PickupPointId pickupPoint) {
		return bindings.countAt(pickupPoint);
	}

	/**
	 * The residents who collect from each of these pickup points, by account id in ascending order
	 * (every point is a key, with an empty list when nobody collects there).
	 */
	public Map<PickupPointId, List<AccountId>> residentsOf(Collection<PickupPointId> points) {
		if (points.isEmpty()) {
			return Map.of();
		}
		Map<PickupPointId, List<AccountId>> residents = new HashMap<>(bindings.residentsOf(points));
		points.forEach(p -> residents.putIfAbsent(p, List.of()));
		return residents;
	}

	/** How many residents collect from each of these pickup points (0 for none). */
	public Map<PickupPointId, Long> residentsAt(Collection<PickupPointId> points) {
		return points.isEmpty() ? Map.of() : bindings.countsAt(points);
	}

	// checks

	private Region existingRegion(RegionId id) {
		return regions.find(Inputs.required("regionId", id))
			.orElseThrow(() -> new InvalidInputException("regionId", Text.of("network.problem.unknownRegion", id)));
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

	private void checkRegionName(String name, RegionId except) {
		if (regions.nameTaken(name, except)) {
			throw new BusinessRuleException("region-name-taken", "name", Text.of("network.problem.regionNameAlreadyUse"));
		}
	}

	private void checkWarehouseName(RegionId region, String name, WarehouseId except) {
		if (warehouses.nameTaken(region, name, except)) {
			throw new BusinessRuleException("warehouse-name-taken", "name",
					Text.of("network.problem.warehouseRegionAlreadyHasName"));
		}
	}

	private void checkCommunityName(RegionId region, String district, String name, CommunityId except) {
		if (communities.nameTaken(region, district, name, except)) {
			throw new BusinessRuleException("community-name-taken", "name",
					Text.of("network.problem.districtAlreadyHasCommunityName"));
		}
	}

	private void checkPickupPointName(CommunityId community, String name, PickupPointId except) {
		if (pickupPoints.nameTaken(community, name, except)) {
			throw new BusinessRuleException("pickup-point-name-taken", "name",
					Text.of("network.problem.communityAlreadyHasPickupPointName"));
		}
	}

	private static int households(int households) {
		if (households < 0) {
			throw new InvalidInputException("households", Text.of("network.problem.mustNotNegative"));
		}
		return households;
	}

	/** Only platform admins open and edit regions; no signed-in user means the platform itself. */
	private static void checkAdmin() {
		CurrentUser.get().ifPresent(user -> {
			if (!user.isAdmin()) {
				throw new AccessDeniedException("only platform admins manage regions");
			}
		});
	}

	private static void checkManages(RegionId region) {
		CurrentUser.checkRegion(region.value());
	}
}
