package com.linli.identity.internal;

import com.linli.identity.AccountId;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account by phone number for sign-in. */
@Component
class AccountDetailsService implements UserDetailsService {

	/** Longer than any phone number the account table admits: not looked up at all. */
	static final int MAX_PHONE_LENGTH = 20;

	private final Accounts accounts;

	AccountDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public LinliPrincipal loadUserByUsername(String phone) {
		String trimmed = phone == null ? "" : phone.trim();
		if (trimmed.isEmpty() || trimmed.length() > MAX_PHONE_LENGTH || !trimmed.chars().allMatch(Character::isDigit)) {
			throw new UsernameNotFoundException("not a phone number");
		}
		var credentials = accounts.credentials(trimmed)
			.orElseThrow(() -> new UsernameNotFoundException("no account " + trimmed));
		var account = accounts.find(new AccountId(credentials.id())).orElseThrow();
		return new LinliPrincipal(account, credentials.passwordHash(), credentials.securityVersion());
	}

	/** Reloads a principal without credentials, for bearer tokens (whose tokens end with the account's rights). */
	LinliPrincipal principal(long accountId) {
		return accounts.find(new AccountId(accountId))
			.map(a -> new LinliPrincipal(a, null, -1))
			.orElse(null);
	}
}
