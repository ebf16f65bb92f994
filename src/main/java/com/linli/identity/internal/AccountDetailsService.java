package com.linli.identity.internal;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account by phone number for sign-in. */
@Component
class AccountDetailsService implements UserDetailsService {

	private final Accounts accounts;

	private final Clock clock;

	AccountDetailsService(Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String phone) {
		var credentials = accounts.credentials(phone.trim())
			.orElseThrow(() -> new UsernameNotFoundException("no account " + phone));
		var account = accounts.find(new com.linli.identity.AccountId(credentials.id())).orElseThrow();
		return new LinliPrincipal(account, credentials.passwordHash(), clock.instant());
	}

	/** Reloads a principal without credentials, for bearer tokens. */
	LinliPrincipal principal(long accountId) {
		return accounts.find(new com.linli.identity.AccountId(accountId))
			.map(a -> new LinliPrincipal(a, null, clock.instant()))
			.orElse(null);
	}
}
