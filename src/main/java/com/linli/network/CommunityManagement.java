package com.linli.network;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.internal.Communities;
import com.linli.network.internal.Regions;
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
 * Use cases of communities (the housing estates of a region, by district): adding and editing one, by
 * staff who work in its region, and reading them.
 */
@Service
@Transactional(readOnly = true)
public class CommunityManagement {

	private final Regions regions;

	private final Communities communities;

	private final ApplicationEventPublisher events;

	CommunityManagement(Regions regions, Communities communities, ApplicationEventPublisher events) {
		this.regions = regions;
		this.communities = communities;
		this.events = events;
	}

	@Transactional
	public Community createCommunity(Actor actor, NewCommunity c) {
		var region = regions.find(Inputs.required("regionId", c.regionId()))
			.orElseThrow(() -> new InvalidInputException("regionId", Text.of("network.problem.unknownRegion", c.regionId())));
		actor.checkRegion(region.id().value());
		var community = new NewCommunity(region.id(), Inputs.text("name", c.name(), 60),
				Inputs.text("district", c.district(), 40), Inputs.text("address", c.address(), 200),
				Inputs.latitude(c.latitude()), Inputs.longitude(c.longitude()), households(c.households()));
		checkCommunityName(region.id(), community.district(), community.name(), null);
		var id = communities.insert(community);
		events.publishEvent(new AdminChange(actor.actedBy(), "network.community.create", "community:" + id,
				community.district() + " " + community.name() + " region:" + region.id()));
		return getCommunity(id);
	}

	@Transactional
	public Community updateCommunity(Actor actor, CommunityId id, CommunityChange c) {
		var current = getCommunity(id);
		actor.checkRegion(current.regionId().value());
		var change = new CommunityChange(Inputs.text("name", c.name(), 60), Inputs.text("district", c.district(), 40),
				Inputs.text("address", c.address(), 200), Inputs.latitude(c.latitude()), Inputs.longitude(c.longitude()),
				households(c.households()));
		checkCommunityName(current.regionId(), change.district(), change.name(), id);
		communities.update(id, change);
		events.publishEvent(new AdminChange(actor.actedBy(), "network.community.update", "community:" + id,
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

	private void checkCommunityName(RegionId region, String district, String name, CommunityId except) {
		if (communities.nameTaken(region, district, name, except)) {
			throw new BusinessRuleException("community-name-taken", "name",
					Text.of("network.problem.districtAlreadyHasCommunityName"));
		}
	}

	private static int households(int households) {
		if (households < 0) {
			throw new InvalidInputException("households", Text.of("network.problem.mustNotNegative"));
		}
		return households;
	}
}
