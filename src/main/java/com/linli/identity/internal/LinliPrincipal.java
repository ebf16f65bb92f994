package com.linli.identity.internal;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.CurrentUser;
import com.linli.identity.Role;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as Spring Security holds it in the session or for a bearer token. */
public final class LinliPrincipal implements UserDetails, CredentialsContainer, Serializable {

	private final long id;

	private final String phone;

	private final String displayName;

	private final Set<Role> roles;

	private final Set<Long> regionIds;

	private final boolean enabled;

	private final boolean passwordChangeRequired;

	private final long securityVersion;

	private String passwordHash;

	/**
	 * @param securityVersion the account's security version when this principal was loaded: a session
	 * holding an older one than the account's ends (see {@link AccountSessionFilter})
	 */
	LinliPrincipal(Account account, String passwordHash, long securityVersion) {
		this.id = account.id().value();
		this.phone = account.phone();
		this.displayName = account.displayName();
		this.roles = Set.copyOf(account.roles());
		this.regionIds = Set.copyOf(account.regionIds());
		this.enabled = account.enabled();
		this.passwordChangeRequired = account.passwordChangeRequired();
		this.securityVersion = securityVersion;
		this.passwordHash = passwordHash;
	}

	public CurrentUser toCurrentUser() {
		return new CurrentUser(new AccountId(id), phone, displayName, roles, regionIds);
	}

	public long id() {
		return id;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> list = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		return list;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return phone;
	}

	long securityVersion() {
		return securityVersion;
	}

	/** The account must choose a new password before anything else. */
	public boolean passwordChangeRequired() {
		return passwordChangeRequired;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
