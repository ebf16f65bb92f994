package com.linli.network;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.network.internal.PickupPoints;
import com.linli.network.internal.ResidentBindings;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.ReadCache;
import com.linli.shared.Text;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which pickup point each resident collects from: a resident binds to an open pickup point (or moves to
 * another), the order path reads it, and staff count who collects where.
 */
@Service
@Transactional(readOnly = true)
public class ResidentBindingManagement {

	private final PickupPoints pickupPoints;

	private final ResidentBindings bindings;

	private final AccountManagement accounts;

	/** Residents' pickup points for the order path, by account id. */
	private final ReadCache<Long, PickupPoint> boundPoints = new ReadCache<>("network.bound-point", Duration.ofMinutes(10), 200_000);

	ResidentBindingManagement(PickupPoints pickupPoints, ResidentBindings bindings, AccountManagement accounts) {
		this.pickupPoints = pickupPoints;
		this.bindings = bindings;
		this.accounts = accounts;
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

	@EventListener
	void forgetPickupPoints(AdminChange change) {
		if (change.action().startsWith("network.")) {
			boundPoints.clear();
		}
	}

	/** Binds a resident to a pickup point, or moves them to another; only an open pickup point takes residents. */
	@Transactional
	public void bindResident(AccountId resident, PickupPointId pickupPoint) {
		var point = pickupPoints.find(Inputs.required("pickupPointId", pickupPoint))
			.orElseThrow(() -> new NotFoundException("pickup point", pickupPoint));
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
}
