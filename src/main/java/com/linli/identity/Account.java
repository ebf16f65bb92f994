package com.linli.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in: phone number as login, roles, and for operators the regions they manage.
 * {@code passwordChangeRequired}: they must choose a new password before anything else (a generated one).
 */
public record Account(AccountId id, String phone, String displayName, Set<Role> roles, Set<Long> regionIds,
		boolean enabled, boolean passwordChangeRequired, Instant createdAt) {

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}
}
