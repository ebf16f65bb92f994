package com.linli.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.linli.identity.internal.Accounts;
import com.linli.identity.internal.PasswordRules;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of accounts: residents register themselves, staff open accounts for others. */
@Service
public class AccountManagement {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
	}

	/** A resident signs up with a phone number; the account holds the RESIDENT role only. */
	@Transactional
	public Account registerResident(String phone, String displayName, String password) {
		return create(new NewAccount(phone, displayName, password, Set.of(Role.RESIDENT), Set.of()));
	}

	/** Staff (or another module's use case, such as creating a leader) open an account. */
	@Transactional
	public Account create(NewAccount account) {
		PasswordRules.check("password", account.password(), account.phone());
		if (account.roles().isEmpty()) {
			throw new InvalidInputException("roles", "at least one role is required");
		}
		if (accounts.phoneTaken(account.phone())) {
			throw new BusinessRuleException("phone-taken", "phone", Text.of("identity.problem.phoneTaken", account.phone()));
		}
		var id = accounts.insert(account, passwordEncoder.encode(account.password()));
		events.publishEvent(new AccountCreated(id, account.phone(), account.roles()));
		return get(id);
	}

	/**
	 * Opens many accounts at once (the simulator's thousands of residents). Each distinct password is
	 * hashed once, so this stays fast with a slow password hash.
	 */
	@Transactional
	public List<AccountId> createAll(List<NewAccount> newAccounts) {
		Map<String, String> hashes = new HashMap<>();
		var ids = accounts.insertAll(newAccounts,
				a -> hashes.computeIfAbsent(a.password(), passwordEncoder::encode));
		for (int i = 0; i < ids.size(); i++) {
			events.publishEvent(new AccountCreated(ids.get(i), newAccounts.get(i).phone(), newAccounts.get(i).roles()));
		}
		return ids;
	}

	public Account get(AccountId id) {
		return accounts.find(id).orElseThrow(() -> new NotFoundException("account", id));
	}

	public Optional<Account> findByPhone(String phone) {
		return accounts.findByPhone(phone);
	}

	public List<Account> getAll(Iterable<AccountId> ids) {
		return accounts.findAll(ids);
	}

	public Page<Account> search(String query, Role role, int page, int size) {
		return accounts.search(query, role, Math.max(page, 0), Page.size(size));
	}

	public long count() {
		return accounts.count();
	}

	/**
	 * Staff change an account's roles, regions and whether it may sign in. A change of roles, regions or
	 * enabled state ends the account's sessions and tokens: it signs in again under its new rights.
	 */
	@Transactional
	public Account update(AccountId id, String displayName, Set<Role> roles, Set<Long> regionIds, boolean enabled,
			Actor actor) {
		var before = get(id);
		if (roles.isEmpty()) {
			throw new InvalidInputException("roles", "at least one role is required");
		}
		accounts.update(id, displayName, roles, regionIds, enabled);
		if (!before.roles().equals(roles) || !before.regionIds().equals(regionIds) || before.enabled() != enabled) {
			endSessions(id);
		}
		else {
			events.publishEvent(new AccountChanged(id));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "account.update", "account:" + id,
				"roles=" + roles + " regions=" + regionIds + " enabled=" + enabled));
		return get(id);
	}

	/** Adds a role (a resident who becomes a leader keeps shopping); they sign in again to use it. */
	@Transactional
	public void grantRole(AccountId id, Role role) {
		var account = get(id);
		if (accounts.grantRole(account.id(), role)) {
			endSessions(account.id());
		}
	}

	/** Staff set a new password for someone: every session and token of the account ends. */
	@Transactional
	public void resetPassword(AccountId id, String newPassword, Actor actor) {
		var account = get(id);
		PasswordRules.check("password", newPassword, account.phone());
		accounts.setPassword(id, passwordEncoder.encode(newPassword), false);
		endSessions(id);
		events.publishEvent(new AdminChange(actor.actedBy(), "account.reset-password", "account:" + id, null));
	}

	/**
	 * The account's owner chooses a new password, proving the current one: every session and token of the
	 * account ends (this one too: they sign in again with the new password).
	 */
	@Transactional
	public void changePassword(AccountId id, String currentPassword, String newPassword, Actor actor) {
		var account = get(id);
		if (currentPassword == null
				|| currentPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordRules.MAX_BYTES
				|| !passwordEncoder.matches(currentPassword, accounts.passwordHash(id))) {
			throw new InvalidInputException("currentPassword", Text.of("identity.problem.currentPasswordWrong"));
		}
		PasswordRules.check("newPassword", newPassword, account.phone());
		if (newPassword.equals(currentPassword)) {
			throw new InvalidInputException("newPassword", Text.of("identity.problem.newPasswordSame"));
		}
		accounts.setPassword(id, passwordEncoder.encode(newPassword), false);
		endSessions(id);
		events.publishEvent(new AdminChange(actor.actedBy(), "account.change-password", "account:" + id, null));
	}

	/** The account must choose a new password at its next sign-in (a generated first password). */
	@Transactional
	public void requirePasswordChange(AccountId id) {
		var account = get(id);
		accounts.setPassword(id, accounts.passwordHash(account.id()), true);
		endSessions(id);
	}

	private void endSessions(AccountId id) {
		accounts.endSessions(id);
		events.publishEvent(new AccountChanged(id));
	}

}
