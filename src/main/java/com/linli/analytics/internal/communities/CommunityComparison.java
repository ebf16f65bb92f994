package com.linli.analytics.internal.communities;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.linli.analytics.internal.funnels.Funnels;
import com.linli.identity.Actor;
import com.linli.network.CommunityId;
import com.linli.network.CommunityProfile;
import com.linli.network.CommunityProfileManagement;
import com.linli.network.RegionId;
import com.linli.ordering.ProductSalesFigures;

import org.springframework.stereotype.Service;

/**
 * The community comparison of a region for a period (pickup dates, inclusive): per pickup point and its community,
 * penetration, average order value, frequency, category mix and growth against the period of the same length just
 * before; and the age mix the operator records per community.
 */
@Service
public class CommunityComparison {

	private final ProductSalesFigures sales;

	private final RegionCommunities communities;

	private final CommunityProfileManagement profiles;

	private final com.linli.network.CommunityManagement communityManagement;

	CommunityComparison(ProductSalesFigures sales, RegionCommunities communities, CommunityProfileManagement profiles,
			com.linli.network.CommunityManagement communityManagement) {
		this.communityManagement = communityManagement;
		this.sales = sales;
		this.communities = communities;
		this.profiles = profiles;
	}

	public List<Comparison.Row> compare(Actor actor, RegionId region, LocalDate from, LocalDate to) {
		actor.checkRegion(region.value());
		Funnels.checkPeriod(from, to);
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		var points = communities.of(region).stream()
			.map(p -> new Comparison.Point(p.point().id().value(), p.point().name(), p.community().id().value(),
					p.community().name(), p.type(), p.community().households()))
			.toList();
		return Comparison.rows(points, sales.byPickupPoint(region, from, to),
				sales.byPickupPoint(region, from.minusDays(days), from.minusDays(1)),
				sales.byPickupPointAndCategory(region, from, to));
	}

	/** Records a community's age mix (network checks the region and the shares). */
	public CommunityProfile recordProfile(Actor actor, long communityId, Integer young, Integer middle,
			Integer senior) {
		// the region first: another region's operator learns nothing, not even what is missing
		actor.checkRegion(communityManagement.getCommunity(new CommunityId(communityId)).regionId().value());
		return profiles.record(actor, new CommunityId(communityId), required("youngPercent", young),
				required("middlePercent", middle), required("seniorPercent", senior));
	}

	private static int required(String field, Integer value) {
		if (value == null) {
			throw new com.linli.shared.InvalidInputException(field,
					com.linli.shared.Text.of("analytics.track.problem.required"));
		}
		return value;
	}
}
