package com.linli.analytics.internal.communities;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.network.Community;
import com.linli.network.CommunityId;
import com.linli.network.CommunityManagement;
import com.linli.network.CommunityProfile;
import com.linli.network.CommunityProfileManagement;
import com.linli.network.CommunityType;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;

import org.springframework.stereotype.Component;

/** A region's pickup points with their communities, households and community type (from network's API). */
@Component
public class RegionCommunities {

	private final PickupPointManagement pickupPoints;

	private final CommunityManagement communities;

	private final CommunityProfileManagement profiles;

	RegionCommunities(PickupPointManagement pickupPoints, CommunityManagement communities,
			CommunityProfileManagement profiles) {
		this.pickupPoints = pickupPoints;
		this.communities = communities;
		this.profiles = profiles;
	}

	/** A pickup point (active) and its community; {@code profile} null when the operator recorded none. */
	public record PointInCommunity(PickupPoint point, Community community, CommunityProfile profile) {

		public CommunityType type() {
			return profile == null ? null : profile.type();
		}
	}

	public List<PointInCommunity> of(RegionId region) {
		Map<CommunityId, Community> byId = communities.communities(region).stream()
			.collect(Collectors.toMap(Community::id, Function.identity()));
		var recorded = profiles.profiles(region);
		return pickupPoints.pickupPoints(region).stream()
			.filter(p -> byId.containsKey(p.communityId()))
			.map(p -> new PointInCommunity(p, byId.get(p.communityId()), recorded.get(p.communityId())))
			.toList();
	}

	/** A community with its profile (null when the operator recorded none). */
	public record ProfiledCommunity(Community community, CommunityProfile profile) {
	}

	/** The region's communities with their profiles, by district and name. */
	public List<ProfiledCommunity> communities(RegionId region) {
		var recorded = profiles.profiles(region);
		return communities.communities(region).stream()
			.map(c -> new ProfiledCommunity(c, recorded.get(c.id())))
			.toList();
	}
}
