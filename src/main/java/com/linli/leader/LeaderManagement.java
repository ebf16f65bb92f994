package com.linli.leader;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.leader.internal.Leaders;
import com.linli.network.KeeperManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of group leaders: appointing one to a pickup point (opening their LEADER account, or
 * granting the role to an existing account), and suspending, reactivating or closing them. Staff act
 * only in their regions; the platform itself (a {@link Actor#system system actor}) acts in every region.
 */
@Service
@Transactional(readOnly = true)
public class LeaderManagement {

	private static final String PHONE = "^1[3-9][0-9]{9}$";

	private final Leaders leaders;

	private final AccountManagement accounts;

	private final KeeperManagement keepers;

	private final RegionManagement regions;

	private final PickupPointManagement points;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LeaderManagement(Leaders leaders, AccountManagement accounts, KeeperManagement keepers, RegionManagement regions,
			PickupPointManagement points, ApplicationEventPublisher events, Clock clock) {
		this.leaders = leaders;
		this.accounts = accounts;
		this.keepers = keepers;
		this.regions = regions;
		this.points = points;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Appoints a leader to a pickup point: one leader per pickup point (the database enforces it), one
	 * leader record per account. A new phone gets a LEADER account with the given password; an existing
	 * account (a resident who becomes leader) keeps its password and gains the LEADER role.
	 */
	@Transactional
	public Leader appoint(Actor actor, NewLeader l) {
		String phone = phone(l.phone());
		String name = name(l.name());
		var point = pickupPoint(l.pickupPointId());
		actor.checkRegion(point.regionId().value());
		if (!point.active()) {
			throw new BusinessRuleException("pickup-point-closed", "pickupPointId",
					Text.of("leader.problem.pickupPointClosed"));
		}
		if (leaders.holderOf(point.id()).isPresent()) {
			throw pointTaken();
		}
		var account = accounts.findByPhone(phone);
		AccountId accountId;
		if (account.isPresent()) {
			accountId = account.get().id();
			if (leaders.findByAccount(accountId).filter(leader -> leader.status() != LeaderStatus.CLOSED).isPresent()) {
				throw alreadyLeader();
			}
			accounts.grantRole(accountId, Role.LEADER);
		}
		else {
			if (l.password() == null || l.password().isBlank()) {
				throw new InvalidInputException("password", Text.of("leader.problem.newAccountNeedsInitialPassword"));
			}
			accountId = accounts.create(new NewAccount(phone, name, l.password(), Set.of(Role.LEADER), Set.of())).id();
		}
		LocalDate since = LocalDate.now(clock.withZone(regions.getRegion(point.regionId()).zone()));
		LeaderId id;
		try {
			id = leaders.insert(accountId, name, phone, point.id(), point.regionId(), since);
		}
		catch (DuplicateKeyException e) {
			// a concurrent appointment won the race; the unique indexes are the last word
			throw e.getMessage() != null && e.getMessage().contains("leader_one_per_pickup_point") ? pointTaken()
					: alreadyLeader();
		}
		keepers.assignKeeper(point.id(), accountId);
		events.publishEvent(new LeaderAppointed(id, accountId, point.id(), point.regionId()));
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.appoint", "leader:" + id,
				name + " " + phone + " pickup-point:" + point.id()));
		return get(id);
	}

	/** Pauses a leader (ACTIVE to SUSPENDED); they keep their pickup point. */
	@Transactional
	public Leader suspend(Actor actor, LeaderId id) {
		return changeStatus(actor, id, LeaderStatus.SUSPENDED);
	}

	/** Lets a suspended leader run their pickup point again, if it is still open. */
	@Transactional
	public Leader reactivate(Actor actor, LeaderId id) {
		var leader = get(id);
		if (leader.status().canBecome(LeaderStatus.ACTIVE) && !points.getPickupPoint(leader.pickupPointId()).active()) {
			throw new BusinessRuleException("pickup-point-closed", "pickupPointId",
					Text.of("leader.problem.pickupPointClosedCloseLeaderInstead"));
		}
		return changeStatus(actor, id, LeaderStatus.ACTIVE);
	}

	/** Ends a leader for good; the pickup point is free for a new leader. */
	@Transactional
	public Leader close(Actor actor, LeaderId id) {
		return changeStatus(actor, id, LeaderStatus.CLOSED);
	}

	public Leader get(LeaderId id) {
		return leaders.find(id).orElseThrow(() -> new NotFoundException("leader", id));
	}

	/** The leader holding the pickup point (active or suspended), if any. */
	public Optional<Leader> leaderOf(PickupPointId pickupPoint) {
		return leaders.holderOf(pickupPoint);
	}

	/** The leader record of an account: the live one (active or suspended), else the latest closed one. */
	public Optional<Leader> leaderFor(AccountId account) {
		return leaders.findByAccount(account);
	}

	/** Which of these pickup points already have a leader (active or suspended). */
	public Set<PickupPointId> pickupPointsWithLeader(java.util.Collection<PickupPointId> pickupPoints) {
		return pickupPoints.isEmpty() ? Set.of() : leaders.held(pickupPoints);
	}

	public Page<Leader> search(LeaderSearch search) {
		return leaders.search(search);
	}

	private Leader changeStatus(Actor actor, LeaderId id, LeaderStatus target) {
		var leader = get(id);
		actor.checkRegion(leader.regionId().value());
		var next = leader.status().to(target);
		if (!leaders.changeStatus(id, leader.status(), next)) {
			throw new BusinessRuleException("leader-changed", "status",
					Text.of("leader.problem.someoneElseJustChangedLeaderReload"));
		}
		// only an active leader runs the pickup point's daily work (receipt, pickups)
		if (next == LeaderStatus.ACTIVE) {
			keepers.assignKeeper(leader.pickupPointId(), leader.accountId());
		}
		else {
			keepers.releaseKeeper(leader.pickupPointId());
		}
		events.publishEvent(new LeaderStatusChanged(id, leader.pickupPointId(), leader.status(), next));
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.status", "leader:" + id, leader.status() + " -> " + next));
		return get(id);
	}

	private PickupPoint pickupPoint(PickupPointId id) {
		if (id == null) {
			throw new InvalidInputException("pickupPointId", Text.of("leader.problem.choosePickupPoint"));
		}
		try {
			return points.getPickupPoint(id);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("pickupPointId", Text.of("leader.problem.unknownPickupPoint", id));
		}
	}

	private static String phone(String phone) {
		if (phone == null || !phone.strip().matches(PHONE)) {
			throw new InvalidInputException("phone", Text.of("leader.problem.mustMainlandMobileNumber"));
		}
		return phone.strip();
	}

	private static String name(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", Text.of("leader.problem.required"));
		}
		if (name.strip().length() > 30) {
			throw new InvalidInputException("name", Text.of("leader.problem.atMost30Characters"));
		}
		return name.strip();
	}

	private static BusinessRuleException pointTaken() {
		return new BusinessRuleException("pickup-point-has-leader", "pickupPointId",
				Text.of("leader.problem.pickupPointAlreadyHasLeader"));
	}

	private static BusinessRuleException alreadyLeader() {
		return new BusinessRuleException("already-leader", "phone",
				Text.of("leader.problem.phoneAlreadyBelongsLeaderCurrentPast"));
	}
}
