package com.linli.network;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.network.internal.Keepers;
import com.linli.network.internal.PickupPoints;
import com.linli.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who runs each pickup point now (its active leader's account, the keeper): the leader module assigns
 * and releases keepers, the order path and staff screens ask who keeps a point.
 */
@Service
@Transactional(readOnly = true)
public class KeeperManagement {

	private final Keepers keepers;

	private final PickupPoints pickupPoints;

	KeeperManagement(Keepers keepers, PickupPoints pickupPoints) {
		this.keepers = keepers;
		this.pickupPoints = pickupPoints;
	}

	/** Makes the account the one who runs the pickup point (the leader module calls it for active leaders). */
	@Transactional
	public void assignKeeper(PickupPointId pickupPoint, AccountId account) {
		pickupPoints.find(Inputs.required("pickupPointId", pickupPoint))
			.orElseThrow(() -> new NotFoundException("pickup point", pickupPoint));
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
}
