package com.linli.network;

import java.util.Map;

import com.linli.identity.Actor;
import com.linli.network.internal.CommunityProfiles;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community attributes the operator records for analysis (issue 16): the residents' age mix, which gives the
 * community its {@link CommunityType}; households are the community's own. Staff of the community's region only.
 */
@Service
@Transactional(readOnly = true)
public class CommunityProfileManagement {

	private final CommunityManagement communities;

	private final CommunityProfiles profiles;

	private final ApplicationEventPublisher events;

	CommunityProfileManagement(CommunityManagement communities, CommunityProfiles profiles,
			ApplicationEventPublisher events) {
		this.communities = communities;
		this.profiles = profiles;
		this.events = events;
	}

	/** Records (or replaces) the age mix of a community; the shares are whole percent adding up to 100. */
	@Transactional
	public CommunityProfile record(Actor actor, CommunityId id, int youngPercent, int middlePercent,
			int seniorPercent) {
		var community = communities.getCommunity(id);
		actor.checkRegion(community.regionId().value());
		share("youngPercent", youngPercent);
		share("middlePercent", middlePercent);
		share("seniorPercent", seniorPercent);
		if (youngPercent + middlePercent + seniorPercent != 100) {
			throw new InvalidInputException("seniorPercent",
					Text.of("network.problem.ageMixNotHundred", youngPercent + middlePercent + seniorPercent));
		}
		var profile = new CommunityProfile(id, youngPercent, middlePercent, seniorPercent);
		profiles.save(profile);
		events.publishEvent(new AdminChange(actor.actedBy(), "network.community.profile", "community:" + id.value(),
				youngPercent + "/" + middlePercent + "/" + seniorPercent));
		return profile;
	}

	/** The profiles of a region's communities that have one. */
	public Map<CommunityId, CommunityProfile> profiles(RegionId region) {
		return profiles.ofRegion(region);
	}

	private static void share(String field, int percent) {
		if (percent < 0 || percent > 100) {
			throw new InvalidInputException(field, Text.of("network.problem.percentOutOfRange", percent));
		}
	}
}
