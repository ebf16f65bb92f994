package com.linli.leader.internal.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.linli.identity.CurrentUser;
import com.linli.network.Region;
import com.linli.network.RegionId;

/** Operators see only leaders of their regions. */
final class Scopes {

	private Scopes() {
	}

	/** The one region asked for (403 unless managed), else all the user manages ({@code null} = all, admins). */
	static Set<RegionId> listRegions(Long requested) {
		CurrentUser.require();
		return CurrentUser.regionFilter(requested)
			.map(ids -> ids.stream().map(RegionId::new).collect(Collectors.toUnmodifiableSet()))
			.orElse(null);
	}

	static void check(RegionId region) {
		CurrentUser.require();
		CurrentUser.checkRegion(region.value());
	}

	static List<Region> managed(List<Region> regions) {
		CurrentUser.require();
		return regions.stream().filter(r -> CurrentUser.mayAccessRegion(r.id().value())).toList();
	}
}
