package com.linli.network.internal.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.linli.identity.CurrentUser;
import com.linli.network.Region;
import com.linli.network.RegionId;

/** Operators see only their regions: the region filter of a list and the regions a picker offers. */
final class Scopes {

	private Scopes() {
	}

	/**
	 * The regions a console list may show: the one asked for (403 unless the user manages it), else
	 * every region the user manages ({@code null} = all, for platform admins).
	 */
	static Set<RegionId> listRegions(Long requested) {
		CurrentUser.require();
		return CurrentUser.regionFilter(requested)
			.map(ids -> ids.stream().map(RegionId::new).collect(Collectors.toUnmodifiableSet()))
			.orElse(null);
	}

	/** 403 unless the signed-in user manages this region. */
	static void check(RegionId region) {
		CurrentUser.require();
		CurrentUser.checkRegion(region.value());
	}

	/** The regions of this list the signed-in user manages. */
	static List<Region> managed(List<Region> regions) {
		CurrentUser.require();
		return regions.stream().filter(r -> CurrentUser.mayAccessRegion(r.id().value())).toList();
	}

	/** Region names by id, for lists that show the region of each row. */
	static Map<RegionId, String> names(List<Region> regions) {
		return regions.stream().collect(Collectors.toMap(Region::id, Region::name));
	}
}
