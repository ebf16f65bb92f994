package com.linli.identity;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/**
 * The regions an actor may see and change (DESIGN.md section 5): every region (admins and the platform
 * itself) or a set of them (operators and warehouse staff: the regions of their account; everybody else:
 * none). Lists filter by it, single things are checked against it.
 */
public final class RegionScope {

	private static final RegionScope ALL = new RegionScope(null);

	private static final RegionScope NONE = new RegionScope(Set.of());

	private final Set<Long> ids;

	private RegionScope(Set<Long> ids) {
		this.ids = ids;
	}

	/** Every region. */
	public static RegionScope all() {
		return ALL;
	}

	/** No region at all (residents, leaders and suppliers reach only their own things). */
	public static RegionScope none() {
		return NONE;
	}

	/** Only these regions. */
	public static RegionScope only(Collection<Long> regionIds) {
		return new RegionScope(Set.copyOf(regionIds));
	}

	public boolean isAll() {
		return ids == null;
	}

	public boolean includes(long regionId) {
		return ids == null || ids.contains(regionId);
	}

	/** 403 unless the region is in this scope. */
	public void check(long regionId) {
		if (!includes(regionId)) {
			throw new AccessDeniedException("region " + regionId + " is not among your regions");
		}
	}

	/**
	 * The scope of a list: the one region asked for (403 unless it is in this scope), else this scope.
	 */
	public RegionScope narrowTo(Long requested) {
		if (requested == null) {
			return this;
		}
		check(requested);
		return only(Set.of(requested));
	}

	/** The region ids for a query's {@code region_id = any(:regions)}, or {@code null} for every region. */
	public Set<Long> idsOrNull() {
		return ids;
	}

	/** The region ids as a filter: empty means no filter (every region). */
	public Optional<Set<Long>> asFilter() {
		return Optional.ofNullable(ids);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RegionScope scope && java.util.Objects.equals(ids, scope.ids);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(ids);
	}

	@Override
	public String toString() {
		return ids == null ? "all regions" : "regions " + ids;
	}
}
