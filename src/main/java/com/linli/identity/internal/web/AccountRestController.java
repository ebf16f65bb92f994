package com.linli.identity.internal.web;

import java.util.Set;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.identity.internal.web.AuthRestController.AccountView;
import com.linli.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins manage staff accounts: roles and, for operators, their regions. */
@RestController
@RequestMapping("/api/admin/accounts")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
@Tag(name = "accounts", description = "Staff accounts (platform admin)")
class AccountRestController {

	private final AccountManagement accounts;

	AccountRestController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "Search accounts by phone or name, optionally by role")
	Page<Account> search(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return accounts.search(q, role, page, size);
	}

	@GetMapping("/{id}")
	AccountView get(@PathVariable long id) {
		return AccountView.of(accounts.get(new AccountId(id)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open an account with roles (and regions for operators)")
	AccountView create(@Valid @RequestBody CreateAccount request) {
		var account = accounts.create(new NewAccount(request.phone().trim(), request.displayName(), request.password(),
				request.roles(), request.regionIds()));
		return AccountView.of(account);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change name, roles, regions, enabled")
	AccountView update(@PathVariable long id, @Valid @RequestBody UpdateAccount request, Actor actor) {
		return AccountView.of(accounts.update(new AccountId(id), request.displayName(), request.roles(),
				request.regionIds() == null ? Set.of() : request.regionIds(), request.enabled(), actor));
	}

	record CreateAccount(@NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be a mainland mobile number") String phone,
			@NotBlank @Size(max = 30) String displayName, @NotBlank @Size(min = 6, max = 72) String password,
			@NotEmpty Set<Role> roles, Set<Long> regionIds) {
	}

	record UpdateAccount(@NotBlank @Size(max = 30) String displayName, @NotEmpty Set<Role> roles, Set<Long> regionIds,
			boolean enabled) {
	}
}
