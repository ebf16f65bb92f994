package com.linli.marketing;

import java.util.ArrayList;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.internal.levels.GrowthLedger;
import com.linli.marketing.internal.levels.Levels;
import com.linli.marketing.internal.levels.MemberPrices;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership levels (会员等级): operators configure the levels (platform-wide: a level means the same in
 * every city) and member prices on listings of their regions; a resident sees their level, their growth
 * value and what the next level needs.
 */
@Service
public class MembershipManagement {

	public static final int MAX_RANK = 20;

	private final Levels levels;

	private final GrowthLedger growth;

	private final MemberPrices memberPrices;

	private final ListingManagement listings;

	private final ApplicationEventPublisher events;

	MembershipManagement(Levels levels, GrowthLedger growth, MemberPrices memberPrices, ListingManagement listings,
			ApplicationEventPublisher events) {
		this.levels = levels;
		this.growth = growth;
		this.memberPrices = memberPrices;
		this.listings = listings;
		this.events = events;
	}

	/** Every level, lowest rank first. */
	public List<MembershipLevel> levels() {
		return levels.all();
	}

	/** The resident's membership (the actor is the resident, or staff). */
	public Membership membership(Actor actor, AccountId resident) {
		if (!actor.is(resident) && !actor.isAdmin() && !actor.isSystem()) {
			throw new AccessDeniedException("membership of another resident");
		}
		long value = growth.growth(resident);
		List<MembershipLevel> all = levels.all();
		MembershipLevel level = levels.levelFor(value).orElse(null);
		MembershipLevel next = all.stream().filter(l -> l.growthThreshold() > value).findFirst().orElse(null);
		return new Membership(value, level, next, next == null ? 0 : next.growthThreshold() - value, all);
	}

	/**
	 * Growth value the platform gives a resident (an admin's adjustment, the demo city), once per
	 * {@code reference}.
	 */
	public boolean addGrowth(Actor actor, AccountId resident, long value, Text reason, String reference,
			java.time.Instant at) {
		if (!actor.isAdmin() && !actor.isSystem()) {
			throw new AccessDeniedException("only the platform gives growth value");
		}
		return growth.add(resident, value, reason, "award:" + reference, at);
	}

	@Transactional
	public MembershipLevel createLevel(Actor actor, NewMembershipLevel level) {
		List<MembershipLevel> others = new ArrayList<>(levels.all());
		check(level, others);
		long id;
		try {
			id = levels.insert(level);
		}
		catch (DuplicateKeyException e) {
			throw taken(level);
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "membership-level.create", "membership-level:" + id,
				level.rank() + " " + level.name() + " ≥" + level.growthThreshold()));
		return level(id);
	}

	@Transactional
	public MembershipLevel updateLevel(Actor actor, long id, NewMembershipLevel level) {
		level(id);
		List<MembershipLevel> others = new ArrayList<>(levels.all());
		others.removeIf(l -> l.id() == id);
		check(level, others);
		try {
			levels.update(id, level);
		}
		catch (DuplicateKeyException e) {
			throw taken(level);
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "membership-level.update", "membership-level:" + id,
				level.rank() + " " + level.name() + " ≥" + level.growthThreshold()));
		return level(id);
	}

	@Transactional
	public void deleteLevel(Actor actor, long id) {
		level(id);
		levels.delete(id);
		events.publishEvent(new AdminChange(actor.actedBy(), "membership-level.delete", "membership-level:" + id, null));
	}

	public MembershipLevel level(long id) {
		return levels.all().stream().filter(l -> l.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("membership level", id));
	}

	/** Sets the member price of a listing for a level and above (below the listing's group price). */
	@Transactional
	public MemberPrice setMemberPrice(Actor actor, ListingId listingId, int minRank, Money price) {
		Listing listing = listings.get(listingId);
		actor.checkRegion(listing.regionId().value());
		if (minRank < 0 || minRank > MAX_RANK) {
			throw new InvalidInputException("minRank", Text.of("marketing.levels.problem.rank", MAX_RANK));
		}
		if (price.fen() <= 0 || price.compareTo(listing.groupPrice()) >= 0) {
			throw new InvalidInputException("priceFen",
					Text.of("marketing.levels.problem.memberPriceNotBelow", listing.groupPrice().yuan()));
		}
		memberPrices.put(listingId, minRank, price);
		events.publishEvent(new AdminChange(actor.actedBy(), "member-price.set", "listing:" + listingId.value(),
				"rank≥" + minRank + " " + price));
		return new MemberPrice(listingId, minRank, price);
	}

	@Transactional
	public void removeMemberPrice(Actor actor, ListingId listingId, int minRank) {
		Listing listing = listings.get(listingId);
		actor.checkRegion(listing.regionId().value());
		if (!memberPrices.remove(listingId, minRank)) {
			throw new NotFoundException("member price", listingId.value() + "/" + minRank);
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "member-price.remove", "listing:" + listingId.value(),
				"rank≥" + minRank));
	}

	/** The member prices of a listing of the actor's regions. */
	public List<MemberPrice> memberPrices(Actor actor, ListingId listing) {
		actor.checkRegion(listings.get(listing).regionId().value());
		return memberPrices.of(listing);
	}

	/** The latest member prices (the console's list). */
	public List<MemberPrice> memberPrices(int limit) {
		return memberPrices.all(limit);
	}

	private static void check(NewMembershipLevel level, List<MembershipLevel> others) {
		if (level.name() == null || level.name().isBlank() || level.name().strip().length() > 30) {
			throw new InvalidInputException("name", Text.of("marketing.levels.problem.name"));
		}
		if (level.rank() < 0 || level.rank() > MAX_RANK) {
			throw new InvalidInputException("rank", Text.of("marketing.levels.problem.rank", MAX_RANK));
		}
		if (level.growthThreshold() < 0 || (level.rank() == 0 && level.growthThreshold() != 0)) {
			throw new InvalidInputException("growthThreshold", Text.of("marketing.levels.problem.threshold"));
		}
		if (level.privileges() != null && level.privileges().length() > 500) {
			throw new InvalidInputException("privileges", Text.of("marketing.levels.problem.privileges"));
		}
		if (level.flashEarlyMinutes() < 0 || level.flashEarlyMinutes() > 1440) {
			throw new InvalidInputException("flashEarlyMinutes", Text.of("marketing.levels.problem.flashEarly"));
		}
		for (MembershipLevel other : others) {
			boolean inOrder = Integer.compare(other.rank(), level.rank()) == Long.compare(other.growthThreshold(),
					level.growthThreshold());
			if (!inOrder && other.rank() != level.rank()) {
				// a higher rank must need more growth, or ranks and thresholds would disagree on a resident's level
				throw new BusinessRuleException("level-out-of-order", "growthThreshold",
						Text.of("marketing.levels.problem.outOfOrder", other.name(), other.growthThreshold()));
			}
		}
	}

	private static BusinessRuleException taken(NewMembershipLevel level) {
		return new BusinessRuleException("level-taken", "rank",
				Text.of("marketing.levels.problem.taken", level.rank(), level.name()));
	}
}
