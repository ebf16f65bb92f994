package com.linli.supply.internal.web;

import java.util.List;
import java.util.Set;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.identity.Role;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;
import com.linli.supply.NewSupplier;
import com.linli.supply.Supplier;
import com.linli.supply.SupplierManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Suppliers over REST, for operators and platform admins; a SUPPLIER account reads its own company
 * at {@code /api/suppliers/mine}. Suppliers serve every region, so there is no region scope here.
 */
@RestController
@RequestMapping("/api/suppliers")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "suppliers", description = "Suppliers and the accounts that sign in for them")
class SupplierRestController {

	private final SupplierManagement suppliers;

	SupplierRestController(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@GetMapping
	@Operation(summary = "Page through suppliers by name; q matches name, contact or phone")
	Page<SupplierView> search(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var result = suppliers.search(q, active, page, size);
		return new Page<>(result.items().stream().map(SupplierView::of).toList(), result.total(), result.page(),
				result.size());
	}

	@GetMapping("/{id}")
	SupplierView get(@PathVariable long id) {
		return SupplierView.of(suppliers.get(new SupplierId(id)));
	}

	@GetMapping("/mine")
	@PreAuthorize("hasRole('SUPPLIER')")
	@Operation(summary = "The supplier the signed-in SUPPLIER account works for")
	SupplierView mine() {
		var me = CurrentUser.require();
		return suppliers.supplierOf(me.id()).map(SupplierView::of)
			.orElseThrow(() -> new NotFoundException("supplier of account", me.id()));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a supplier")
	SupplierView create(@Valid @RequestBody SupplierRequest request, Actor actor) {
		return SupplierView.of(suppliers.create(request.toNew(), actor));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a supplier's details and whether it is active")
	SupplierView update(@PathVariable long id, @Valid @RequestBody SupplierRequest request, Actor actor) {
		return SupplierView.of(suppliers.update(new SupplierId(id), request.toNew(),
				request.active() == null || request.active(), actor));
	}

	@GetMapping("/{id}/accounts")
	@Operation(summary = "The accounts that sign in for this supplier")
	List<AccountView> accounts(@PathVariable long id) {
		return suppliers.accountsOf(new SupplierId(id)).stream().map(AccountView::of).toList();
	}

	@PostMapping("/{id}/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a SUPPLIER account for this supplier (phone as login)")
	AccountView openAccount(@PathVariable long id, @Valid @RequestBody NewLogin request, Actor actor) {
		return AccountView.of(suppliers.openAccount(new SupplierId(id), request.phone(), request.displayName(),
				request.password(), actor));
	}

	@PutMapping("/{id}/accounts/{accountId}")
	@Operation(summary = "Link an existing SUPPLIER account to this supplier")
	List<AccountView> link(@PathVariable long id, @PathVariable long accountId, Actor actor) {
		suppliers.linkAccount(new SupplierId(id), new AccountId(accountId), actor);
		return accounts(id);
	}

	@DeleteMapping("/{id}/accounts/{accountId}")
	@Operation(summary = "Stop an account from acting for this supplier")
	List<AccountView> unlink(@PathVariable long id, @PathVariable long accountId, Actor actor) {
		suppliers.unlinkAccount(new SupplierId(id), new AccountId(accountId), actor);
		return accounts(id);
	}

	record SupplierRequest(@NotBlank @Size(max = 60) String name, @NotBlank @Size(max = 30) String contactName,
			@NotBlank @Pattern(regexp = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$",
					message = "must be a mobile number or a landline with area code") String contactPhone,
			@NotBlank @Size(max = 200) String address, Boolean active) {

		NewSupplier toNew() {
			return new NewSupplier(name, contactName, contactPhone, address);
		}
	}

	record NewLogin(@NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be a mainland mobile number") String phone,
			@NotBlank @Size(max = 30) String displayName, @NotBlank @Size(min = 6, max = 72) String password) {
	}

	record SupplierView(long id, String name, String contactName, String contactPhone, String address, boolean active,
			boolean vmi) {

		static SupplierView of(Supplier s) {
			return new SupplierView(s.id().value(), s.name(), s.contactName(), s.contactPhone(), s.address(), s.active(),
					s.vmi());
		}
	}

	record AccountView(long id, String phone, String displayName, Set<Role> roles, boolean enabled) {

		static AccountView of(Account a) {
			return new AccountView(a.id().value(), a.phone(), a.displayName(), a.roles(), a.enabled());
		}
	}
}
