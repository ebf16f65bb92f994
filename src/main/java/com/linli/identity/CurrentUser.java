package com.linli.identity;

import java.util.Optional;
import java.util.Set;

import com.linli.identity.internal.LinliPrincipal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, for data scoping (DESIGN.md section 5): a leader sees only their pickup point,
 * an operator only their regions, a resident only their own orders.
 */
public record CurrentUser(AccountId id, String phone, String displayName, Set<Role> roles, Set<Long> regionIds) {

	/** The signed-in user of this request, if any. */
	public static Optional<CurrentUser> get() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof LinliPrincipal p) {
			return Optional.of(p.toCurrentUser());
		}
		return Optional.empty();
	}

	/** The signed-in user; an anonymous caller is refused. */
	public static CurrentUser require() {
		return get().orElseThrow(() -> new AccessDeniedException("sign-in required"));
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/** A leader's helper (核销员) and nothing more: their screens show the pickup page only. */
	public boolean isHelperOnly() {
		return roles.contains(Role.VERIFIER) && !roles.contains(Role.LEADER);
	}

	public boolean isAdmin() {
		return roles.contains(Role.PLATFORM_ADMIN);
	}

	/** Admins manage every region; operators only theirs (the rule is the {@link Actor}'s). */
	public boolean managesRegion(long regionId) {
		return asActor().managesRegion(regionId);
	}

	/** Throws 403 unless this user manages the region. */
	public void checkManagesRegion(long regionId) {
		if (!managesRegion(regionId)) {
			throw new AccessDeniedException("region " + regionId + " is not among your regions");
		}
	}

	/** Region filter for queries: empty means all regions (admin). */
	public Optional<Set<Long>> regionScope() {
		return isAdmin() ? Optional.empty() : Optional.of(regionIds);
	}

	/**
	 * Whether this user works in the region: admins in every region, operators and warehouse staff in the
	 * regions of their account, nobody else (residents, leaders and suppliers reach only their own things).
	 */
	public boolean worksIn(long regionId) {
		return asActor().worksIn(regionId);
	}

	/** This user as the actor of a use case, without a leader's pickup point (the web layer adds it). */
	private Actor asActor() {
		return Actor.of(this, null);
	}

	// The one region check of every module (DESIGN.md section 5), for controllers and services alike. Work
	// without a signed-in caller is the platform's own (scheduled jobs, event listeners) and is not limited.

	/** 403 unless the signed-in caller works in the region (see {@link #worksIn}). */
	public static void checkRegion(long regionId) {
		get().ifPresent(user -> {
			if (!user.worksIn(regionId)) {
				throw new AccessDeniedException("region " + regionId + " is not among your regions");
			}
		});
	}

	/** Whether the caller may see what belongs to the region: for rows of several regions in one list. */
	public static boolean mayAccessRegion(long regionId) {
		return get().map(user -> user.worksIn(regionId)).orElse(true);
	}

	/**
	 * The region filter of a list: the one region asked for (403 unless the caller works in it), else every
	 * region of the caller; empty means no filter (admins, and the platform itself).
	 */
	public static Optional<Set<Long>> regionFilter(Long requested) {
		if (requested != null) {
			checkRegion(requested);
			return Optional.of(Set.of(requested));
		}
		return get().flatMap(CurrentUser::regionScope);
	}
}
