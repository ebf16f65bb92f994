package com.linli.notification;

import java.util.ArrayList;
import java.util.List;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Role;
import com.linli.network.RegionId;

import org.springframework.stereotype.Component;

/** Who on the staff hears of an alarm: the enabled operators of a region, or the enabled platform admins. */
@Component
class StaffDirectory {

	private static final int PAGE = 100;

	private final AccountManagement accounts;

	StaffDirectory(AccountManagement accounts) {
		this.accounts = accounts;
	}

	/** The enabled operators working in the region (none for no region). */
	List<AccountId> operatorsOf(RegionId region) {
		if (region == null) {
			return List.of();
		}
		return enabled(Role.OPERATOR).stream()
			.filter(a -> a.regionIds() != null && a.regionIds().contains(region.value()))
			.map(Account::id)
			.toList();
	}

	/** The enabled platform admins. */
	List<AccountId> admins() {
		return enabled(Role.PLATFORM_ADMIN).stream().map(Account::id).toList();
	}

	private List<Account> enabled(Role role) {
		List<Account> found = new ArrayList<>();
		for (int page = 0;; page++) {
			var items = accounts.search(null, role, page, PAGE).items();
			items.stream().filter(Account::enabled).forEach(found::add);
			if (items.size() < PAGE) {
				return found;
			}
		}
	}
}
