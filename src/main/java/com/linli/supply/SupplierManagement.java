package com.linli.supply;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;
import com.linli.catalog.SkuManagement;
import com.linli.catalog.SkuId;
import com.linli.shared.Text;
import com.linli.supply.internal.Suppliers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of suppliers: register and edit them, switch them off, and link the SUPPLIER accounts
 * that sign in for them. Their licences are {@link QualificationManagement}'s, their SKUs and terms
 * {@link SupplierSkuManagement}'s. Roles are checked by the web layer.
 */
@Service
@Transactional(readOnly = true)
public class SupplierManagement {

	/** A mainland mobile number, or a landline with area code such as 0532-88886666. */
	static final Pattern PHONE = Pattern.compile("^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$");

	static final Pattern MOBILE = Pattern.compile("^1[3-9][0-9]{9}$");

	private final Suppliers suppliers;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SupplierManagement(Suppliers suppliers, AccountManagement accounts, ApplicationEventPublisher events, Clock clock) {
		this.suppliers = suppliers;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Supplier create(NewSupplier s, Actor actor) {
		var supplier = check(s);
		checkNameFree(supplier.name(), null);
		var id = suppliers.insert(supplier, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "supplier.create", "supplier:" + id, supplier.name()));
		return get(id);
	}

	@Transactional
	public Supplier update(SupplierId id, NewSupplier s, Actor actor) {
		get(id);
		var supplier = check(s);
		checkNameFree(supplier.name(), id);
		suppliers.update(id, supplier);
		events.publishEvent(new AdminChange(actor.actedBy(), "supplier.update", "supplier:" + id, supplier.name()));
		return get(id);
	}

	/** Changes the details and whether the supplier is active, in one step. */
	@Transactional
	public Supplier update(SupplierId id, NewSupplier s, boolean active, Actor actor) {
		update(id, s, actor);
		return setActive(id, active, actor);
	}

	/** An inactive supplier stays on record (products and purchase orders refer to it) but is not offered any more. */
	@Transactional
	public Supplier setActive(SupplierId id, boolean active, Actor actor) {
		var before = get(id);
		if (before.active() != active) {
			suppliers.setActive(id, active);
			events.publishEvent(new AdminChange(actor.actedBy(), active ? "supplier.activate" : "supplier.deactivate",
					"supplier:" + id, before.name()));
		}
		return get(id);
	}

	/**
	 * Marks the supplier as managing the stock of its SKUs (VMI) or not: only a VMI supplier sees stock and
	 * forecasts in the portal and proposes replenishment ({@link VmiManagement}).
	 */
	@Transactional
	public Supplier setVmi(SupplierId id, boolean vmi, Actor actor) {
		var before = get(id);
		if (before.vmi() != vmi) {
			suppliers.setVmi(id, vmi);
			events.publishEvent(new AdminChange(actor.actedBy(), vmi ? "supplier.vmi-on" : "supplier.vmi-off",
					"supplier:" + id, before.name()));
		}
		return get(id);
	}

	public Supplier get(SupplierId id) {
		return suppliers.find(id).orElseThrow(() -> new NotFoundException("supplier", id));
	}

	/** Every supplier, active or not, by name. */
	public List<Supplier> all() {
		return suppliers.all();
	}

	/** One page of suppliers by name; {@code text} matches name, contact or phone; null filters mean any. */
	public Page<Supplier> search(String text, Boolean active, int page, int size) {
		return suppliers.search(text, active, Math.max(page, 0), Page.size(size));
	}

	/** Lets a SUPPLIER account act for this supplier. An account works for one supplier only. */
	@Transactional
	public void linkAccount(SupplierId supplierId, AccountId accountId, Actor actor) {
		get(supplierId);
		Account account;
		try {
			account = accounts.get(accountId);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("accountId", Text.of("supply.problem.accountMissing", accountId));
		}
		if (!account.hasRole(Role.SUPPLIER)) {
			throw new BusinessRuleException("not-a-supplier-account", "accountId",
					Text.of("supply.problem.accountDoesNotHaveSupplierRole"));
		}
		var current = suppliers.supplierOf(accountId);
		if (current.isPresent()) {
			if (current.get().equals(supplierId)) {
				return;
			}
			throw new BusinessRuleException("account-linked-elsewhere", "accountId",
					Text.of("supply.problem.accountLinkedElsewhere", current.get()));
		}
		suppliers.link(accountId, supplierId, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "supplier.link-account", "supplier:" + supplierId, "account:" + accountId));
	}

	/** Opens a SUPPLIER account (phone as login) and links it to the supplier in one step. */
	@Transactional
	public Account openAccount(SupplierId supplierId, String phone, String displayName, String password, Actor actor) {
		get(supplierId);
		String login = required("phone", phone, 11);
		if (!MOBILE.matcher(login).matches()) {
			throw new InvalidInputException("phone", Text.of("supply.problem.enterMainlandMobileNumber"));
		}
		String name = required("displayName", displayName, 30);
		var account = accounts.create(new NewAccount(login, name, password, Set.of(Role.SUPPLIER), Set.of()));
		linkAccount(supplierId, account.id(), actor);
		return account;
	}

	@Transactional
	public void unlinkAccount(SupplierId supplierId, AccountId accountId, Actor actor) {
		if (suppliers.unlink(accountId, supplierId)) {
			events.publishEvent(new AdminChange(actor.actedBy(), "supplier.unlink-account", "supplier:" + supplierId,
					"account:" + accountId));
		}
	}

	/** The supplier a SUPPLIER account works for, if it has been linked to one. */
	public Optional<Supplier> supplierOf(AccountId account) {
		return suppliers.supplierOf(account).flatMap(suppliers::find);
	}

	/** The accounts that sign in for a supplier. */
	public List<Account> accountsOf(SupplierId supplierId) {
		get(supplierId);
		return accounts.getAll(suppliers.accountsOf(supplierId));
	}

	private static NewSupplier check(NewSupplier s) {
		String name = required("name", s.name(), 60);
		String contactName = required("contactName", s.contactName(), 30);
		String phone = required("contactPhone", s.contactPhone(), 20);
		if (!PHONE.matcher(phone).matches()) {
			throw new InvalidInputException("contactPhone",
					Text.of("supply.problem.enterMobileNumberLandlineWithArea"));
		}
		String address = required("address", s.address(), 200);
		return new NewSupplier(name, contactName, phone, address);
	}

	private void checkNameFree(String name, SupplierId except) {
		if (suppliers.named(name, except).isPresent()) {
			throw new BusinessRuleException("supplier-name-taken", "name",
					Text.of("supply.problem.supplierNameTaken", name));
		}
	}

	static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, Text.of("supply.problem.mustNotBlank"));
		}
		String v = value.strip();
		if (v.codePointCount(0, v.length()) > max) {
			throw new InvalidInputException(field, Text.of("supply.problem.atMostCharacters", max));
		}
		return v;
	}
}