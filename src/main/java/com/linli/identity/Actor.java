package com.linli.identity;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ActedBy;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who performs a use case, passed explicitly from the caller to the service: a signed-in account (resolved
 * by the web layer from the request: declare an {@code Actor} parameter in a controller method) or the
 * platform itself under a name (a scheduled job, an event listener, the demo simulator). Services never
 * read the security context; they check what the actor may do with the methods here.
 *
 * @param account the acting account, {@code null} for the platform itself
 * @param name the account's display name, or the system actor's name (for logs and audit)
 * @param roles the account's roles (none for the platform)
 * @param regions the regions the actor works in (DESIGN.md section 5)
 * @param pickupPointId the pickup point a leader runs now, {@code null} for everybody else
 */
public record Actor(AccountId account, String name, Set<Role> roles, RegionScope regions, Long pickupPointId) {

	public Actor {
		Objects.requireNonNull(name, "name");
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		Objects.requireNonNull(regions, "regions");
	}

	/** The platform itself acting under a name: every region, no account ("cutoff-scheduler", "demo"). */
	public static Actor system(String name) {
		return new Actor(null, name, Set.of(), RegionScope.all(), null);
	}

	/**
	 * A signed-in account: admins work in every region, operators and warehouse staff in the regions of
	 * their account, nobody else in any (residents, leaders and suppliers reach only their own things).
	 */
	public static Actor of(AccountId account, String name, Set<Role> roles, Set<Long> regionIds, Long pickupPointId) {
		RegionScope scope;
		if (roles.contains(Role.PLATFORM_ADMIN)) {
			scope = RegionScope.all();
		}
		else if (roles.contains(Role.OPERATOR) || roles.contains(Role.WAREHOUSE_STAFF)) {
			scope = RegionScope.only(regionIds);
		}
		else {
			scope = RegionScope.none();
		}
		return new Actor(Objects.requireNonNull(account, "account"), name, roles, scope, pickupPointId);
	}

	/** The signed-in user as an actor (the web layer adds a leader's pickup point). */
	public static Actor of(CurrentUser user, Long pickupPointId) {
		return of(user.id(), user.displayName(), user.roles(), user.regionIds(), pickupPointId);
	}

	/** A resident acting for themselves (the simulator and tests place orders this way). */
	public static Actor resident(AccountId account) {
		return of(account, "resident " + account.value(), Set.of(Role.RESIDENT), Set.of(), null);
	}

	/** Whether this is the platform itself rather than a person. */
	public boolean isSystem() {
		return account == null;
	}

	/** The acting account, empty for the platform itself (who to record as having done it). */
	public Optional<AccountId> accountId() {
		return Optional.ofNullable(account);
	}

	/** The acting account's id for a column that records who did it, {@code null} for the platform. */
	public Long accountIdOrNull() {
		return account == null ? null : account.value();
	}

	/** Who acted, as an {@link com.linli.shared.AdminChange} carries it to the audit log. */
	public ActedBy actedBy() {
		return new ActedBy(accountIdOrNull(), name);
	}

	/** The acting account; 403 for the platform (a use case only a person may perform). */
	public AccountId requireAccount() {
		if (account == null) {
			throw new AccessDeniedException(name + " is not an account");
		}
		return account;
	}

	/** Whether the actor is this account. */
	public boolean is(AccountId other) {
		return account != null && account.equals(other);
	}

	public Optional<Long> pickupPoint() {
		return Optional.ofNullable(pickupPointId);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean isAdmin() {
		return roles.contains(Role.PLATFORM_ADMIN);
	}

	/** Whether the actor works in the region: the platform and admins everywhere, staff in their regions. */
	public boolean worksIn(long regionId) {
		return regions.includes(regionId);
	}

	/** 403 unless the actor works in the region. */
	public void checkRegion(long regionId) {
		regions.check(regionId);
	}

	/** Whether the actor manages the region: the platform, admins, and operators of the region. */
	public boolean managesRegion(long regionId) {
		return isSystem() || isAdmin() || (hasRole(Role.OPERATOR) && regions.includes(regionId));
	}

	/** 403 unless the actor manages the region. */
	public void checkManagesRegion(long regionId) {
		if (!managesRegion(regionId)) {
			throw new AccessDeniedException("region " + regionId + " is not among your regions");
		}
	}

	/** The region scope of a list: the one region asked for (403 unless the actor works in it), else all of theirs. */
	public RegionScope regionFilter(Long requested) {
		return regions.narrowTo(requested);
	}

	@Override
	public String toString() {
		return account == null ? "system:" + name : "account:" + account.value();
	}
}
