package com.linli.shared;

import java.util.List;

/**
 * Names of regions for modules that may not depend on network (identity's account form assigns
 * operators to regions). Implemented by the network module.
 */
public interface RegionDirectory {

	List<Entry> all();

	record Entry(long id, String name) {
	}
}
