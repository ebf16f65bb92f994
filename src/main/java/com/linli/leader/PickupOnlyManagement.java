package com.linli.leader;

import java.time.Clock;

import com.linli.identity.Actor;
import com.linli.leader.internal.helpers.HandlingFees;
import com.linli.leader.internal.helpers.PickupOnlyPoints;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pickup-point-only mode (纯自提点): a shop that hands out goods but does not sell. Its leader earns a fixed handling
 * fee per picked-up order (per region, default {@code linli.leader.handling-fee-fen} = 30 fen, ¥0.30) instead of a
 * percentage commission; residents still bind to it and pick up there; selling and sharing tools ask
 * {@link #isPickupOnly} and stay away. An operator of the leader's region switches the mode.
 */
@Service
public class PickupOnlyManagement {

	/** The largest handling fee a region may set: ¥100 per order. */
	public static final long MAX_FEE_FEN = 10_000;

	private final PickupOnlyPoints points;

	private final HandlingFees fees;

	private final LeaderManagement leaders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PickupOnlyManagement(PickupOnlyPoints points, HandlingFees fees, LeaderManagement leaders,
			ApplicationEventPublisher events, Clock clock) {
		this.points = points;
		this.fees = fees;
		this.leaders = leaders;
		this.events = events;
		this.clock = clock;
	}

	public boolean isPickupOnly(PickupPointId point) {
		return points.isPickupOnly(point);
	}

	/** The mode of a leader's point and the fee per order of their region. */
	public record Mode(LeaderId leaderId, PickupPointId pickupPointId, boolean pickupOnly, Money feePerOrder) {
	}

	@Transactional(readOnly = true)
	public Mode mode(Actor actor, LeaderId id) {
		var leader = leaders.get(id);
		actor.checkRegion(leader.regionId().value());
		return new Mode(id, leader.pickupPointId(), points.isPickupOnly(leader.pickupPointId()),
				fees.feeIn(leader.regionId()));
	}

	/** An operator of the leader's region switches their point's mode. */
	@Transactional
	public Mode setPickupOnly(Actor actor, LeaderId id, Boolean pickupOnly) {
		var leader = leaders.get(id);
		actor.checkManagesRegion(leader.regionId().value());
		if (pickupOnly == null) {
			throw new InvalidInputException("pickupOnly", Text.of("leader.problem.pickupOnlyRequired"));
		}
		if (points.set(leader.pickupPointId(), leader.regionId(), pickupOnly, clock.instant(), actor.accountIdOrNull())) {
			events.publishEvent(new AdminChange(actor.actedBy(), "leader.pickup-only", "leader:" + id.value(),
					"pickup-point:" + leader.pickupPointId().value() + " pickupOnly=" + pickupOnly));
		}
		return mode(actor, id);
	}

	public Money fee(RegionId region) {
		return fees.feeIn(region);
	}

	/** An operator of the region sets its handling fee per order (0 to ¥100). */
	@Transactional
	public Money setFee(Actor actor, RegionId region, Long feeFen) {
		actor.checkManagesRegion(region.value());
		if (feeFen == null || feeFen < 0 || feeFen > MAX_FEE_FEN) {
			throw new InvalidInputException("feeFen", Text.of("leader.problem.handlingFeeRange"));
		}
		points.setFee(region, Money.ofFen(feeFen), clock.instant(), actor.accountIdOrNull());
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.handling-fee", "region:" + region.value(),
				"feeFen=" + feeFen));
		return fees.feeIn(region);
	}
}
