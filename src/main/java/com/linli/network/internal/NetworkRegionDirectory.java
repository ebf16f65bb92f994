package com.linli.network.internal;

import java.util.List;

import com.linli.network.RegionManagement;
import com.linli.shared.RegionDirectory;

import org.springframework.stereotype.Component;

/** Region names for modules that may not depend on network (identity's account form). */
@Component
class NetworkRegionDirectory implements RegionDirectory {

	private final RegionManagement network;

	NetworkRegionDirectory(RegionManagement network) {
		this.network = network;
	}

	@Override
	public List<Entry> all() {
		return network.regions().stream().map(r -> new Entry(r.id().value(), r.name())).toList();
	}
}
