package com.linli.aftersales.internal.complaints;

import java.util.ArrayList;
import java.util.List;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Role;

import org.springframework.stereotype.Component;

/** Who works a region's complaints: its enabled operators, and the platform admins (identity's accounts). */
@Component
public class RegionStaff {

	private final AccountManagement accounts;

	RegionStaff(AccountManagement accounts) {
		this.accounts = accounts;
	}

	/** The enabled operators of the region, by id. */
	public List<Account> operatorsOf(long regionId) {
		return all(Role.OPERATOR).stream().filter(a -> a.regionIds().contains(regionId)).toList();
	}

	/** The enabled platform admins. */
	public List<Account> admins() {
		return all(Role.PLATFORM_ADMIN);
	}

	/** Whether the account is an enabled operator of the region. */
	public boolean isOperatorOf(long accountId, long regionId) {
		try {
			Account a = accounts.get(new AccountId(accountId));
			return a.enabled() && a.hasRole(Role.OPERATOR) && a.regionIds().contains(regionId);
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	public String nameOf(Long accountId) {
		if (accountId == null) {
			return null;
		}
		try {
			return accounts.get(new AccountId(accountId)).displayName();
		}
		catch (RuntimeException e) {
			return "#" + accountId;
		}
	}

	private List<Account> all(Role role) {
		List<Account> found = new ArrayList<>();
		int page = 0;
		while (true) {
			var p = accounts.search(null, role, page, 200);
			p.items().stream().filter(Account::enabled).forEach(found::add);
			if ((long) (page + 1) * 200 >= p.total() || p.items().isEmpty()) {
				break;
			}
			page++;
		}
		found.sort(java.util.Comparator.comparing(a -> a.id().value()));
		return found;
	}
}
