package com.linli.identity;

import java.util.Set;

/** What it takes to open an account; the password is hashed before it is stored. */
public record NewAccount(String phone, String displayName, String password, Set<Role> roles, Set<Long> regionIds) {

	public NewAccount {
		roles = Set.copyOf(roles);
		regionIds = regionIds == null ? Set.of() : Set.copyOf(regionIds);
	}
}
