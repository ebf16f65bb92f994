package com.linli.supply;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
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
import com.linli.supply.internal.Qualifications;
import com.linli.supply.internal.SupplierSkus;
import com.linli.supply.internal.Suppliers;
import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of suppliers: register and edit them, switch them off, and link the SUPPLIER accounts
 * that sign in for them. Roles are checked by the web layer; the demo simulator calls with no user.
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

	private final Qualifications qualifications;

	private final SupplierSkus skus;

	private final SkuManagement catalog;

	SupplierManagement(Suppliers suppliers, AccountManagement accounts, ApplicationEventPublisher events, Clock clock,
			Qualifications qualifications, SupplierSkus skus, SkuManagement catalog) {
		this.suppliers = suppliers;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.qualifications = qualifications;
		this.skus = skus;
		this.catalog = catalog;
	}

	/** Days before expiry a licence raises an EXPIRING alert. */
	public static final int EXPIRY_WARNING_DAYS = 30;

	public SupplierTerms terms(SupplierId id) {
		return suppliers.terms(id).orElseThrow(() -> new NotFoundException("supplier", id));
	}

	@Transactional
	public SupplierTerms setTerms(SupplierTerms t) {
		get(t.supplierId());
		if (t.tier() == null) {
			throw new InvalidInputException("tier", Text.of("supply.problem.required"));
		}
		if (t.paymentPeriod() == null) {
			throw new InvalidInputException("paymentPeriod", Text.of("supply.problem.required"));
		}
		Integer days = t.paymentPeriod() == PaymentPeriod.DAYS ? t.paymentDays() : null;
		if (t.paymentPeriod() == PaymentPeriod.DAYS && (days == null || days < 1 || days > 180)) {
			throw new InvalidInputException("paymentDays", Text.of("supply.problem.paymentPeriod1180Days"));
		}
		var terms = new SupplierTerms(t.supplierId(), t.tier(), t.paymentPeriod(), days);
		suppliers.setTerms(terms);
		events.publishEvent(new AdminChange("supplier.terms", "supplier:" + t.supplierId(),
				terms.tier() + " " + terms.paymentPeriod() + (days == null ? "" : " " + days)));
		return terms;
	}

	public List<Qualification> qualifications(SupplierId id) {
		get(id);
		return qualifications.of(id);
	}

	@Transactional
	public Qualification addQualification(SupplierId id, NewQualification q) {
		get(id);
		var checked = check(q);
		if (qualifications.exists(id, checked.kind(), checked.licenceNo(), null)) {
			throw new BusinessRuleException("qualification-exists", "licenceNo",
					Text.of("supply.problem.licenceAlreadyRecord"));
		}
		long qid = qualifications.insert(id, checked, clock.instant());
		events.publishEvent(new AdminChange("supplier.qualification.add", "supplier:" + id,
				checked.kind() + " " + checked.licenceNo() + " → " + checked.validUntil()));
		checkQualifications();
		return qualifications.find(qid).orElseThrow();
	}

	@Transactional
	public Qualification updateQualification(SupplierId id, long qualificationId, NewQualification q) {
		var before = qualifications.find(qualificationId).filter(x -> x.supplierId().equals(id))
			.orElseThrow(() -> new NotFoundException("qualification", qualificationId));
		var checked = check(q);
		if (qualifications.exists(id, checked.kind(), checked.licenceNo(), before.id())) {
			throw new BusinessRuleException("qualification-exists", "licenceNo",
					Text.of("supply.problem.licenceAlreadyRecord"));
		}
		qualifications.update(qualificationId, checked);
		events.publishEvent(new AdminChange("supplier.qualification.update", "supplier:" + id,
				checked.kind() + " " + checked.licenceNo() + " → " + checked.validUntil()));
		checkQualifications();
		return qualifications.find(qualificationId).orElseThrow();
	}

	@Transactional
	public void removeQualification(SupplierId id, long qualificationId) {
		if (!qualifications.delete(id, qualificationId)) {
			throw new NotFoundException("qualification", qualificationId);
		}
		events.publishEvent(new AdminChange("supplier.qualification.remove", "supplier:" + id, "qualification:" + qualificationId));
	}

	/** Whether a licence of the supplier has run out: such a supplier gets no new purchase orders. */
	public boolean qualificationExpired(SupplierId id) {
		return qualifications.expired(id, today());
	}

	/** Suppliers with a licence that has run out today. */
	public java.util.Set<SupplierId> suppliersWithExpiredQualification() {
		return qualifications.expiredSuppliers(today());
	}

	/**
	 * Raises an alert for every licence that has expired (EXPIRED) or runs out within
	 * {@link #EXPIRY_WARNING_DAYS} days (EXPIRING), and resolves alerts that no longer apply. Idempotent;
	 * run daily by a schedule, after every licence change and before purchase orders are drafted.
	 */
	@Transactional
	public int checkQualifications() {
		var day = today();
		var now = clock.instant();
		qualifications.resolveStale(day, EXPIRY_WARNING_DAYS, now);
		int raised = 0;
		for (Qualification q : qualifications.expiringBy(day, EXPIRY_WARNING_DAYS)) {
			if (qualifications.raise(q, q.expiredOn(day) ? "EXPIRED" : "EXPIRING", now)) {
				raised++;
			}
		}
		return raised;
	}

	/** Open licence alerts, expired ones first. */
	public List<SupplierAlert> alerts() {
		return qualifications.openAlerts(null);
	}

	public List<SupplierAlert> alerts(SupplierId id) {
		return qualifications.openAlerts(List.of(id));
	}

	/** The SKUs the supplier delivers, with their names from the catalog. */
	public List<SupplierSku> skus(SupplierId id) {
		get(id);
		return named(skus.of(id));
	}

	/** Active offers of active suppliers for these SKUs, named. */
	public List<SupplierSku> offers(java.util.Collection<SkuId> skuIds) {
		return skuIds.isEmpty() ? List.of() : named(skus.offers(skuIds));
	}

	@Transactional
	public SupplierSku offerSku(SupplierId id, NewSupplierSku s) {
		get(id);
		if (s.skuId() == null) {
			throw new InvalidInputException("skuId", Text.of("supply.problem.required"));
		}
		try {
			catalog.getSku(s.skuId());
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("skuId", Text.of("supply.problem.noSuchSku", s.skuId()));
		}
		if (s.price() == null || s.price().fen() <= 0) {
			throw new InvalidInputException("priceFen", Text.of("supply.problem.purchasePriceMustMoreThanZero"));
		}
		if (s.leadTimeDays() < 0 || s.leadTimeDays() > 60) {
			throw new InvalidInputException("leadTimeDays", Text.of("supply.problem.leadTime060Days"));
		}
		if (s.moq() < 1 || s.moq() > 100_000) {
			throw new InvalidInputException("moq", Text.of("supply.problem.minimumOrderQuantity1100000"));
		}
		long sid = skus.upsert(id, s);
		events.publishEvent(new AdminChange("supplier.sku", "supplier:" + id,
				"sku:" + s.skuId() + " " + s.price() + " moq " + s.moq() + (s.active() ? "" : " inactive")));
		return named(List.of(skus.find(sid).orElseThrow())).get(0);
	}

	private List<SupplierSku> named(List<SupplierSku> list) {
		var names = catalog.skus(list.stream().map(SupplierSku::skuId).distinct().toList());
		return list.stream().map(o -> {
			var sku = names.get(o.skuId());
			return new SupplierSku(o.id(), o.supplierId(), o.skuId(), sku == null ? "SKU " + o.skuId() : sku.displayName(),
					o.price(), o.leadTimeDays(), o.moq(), o.active());
		}).toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static NewQualification check(NewQualification q) {
		String kind = required("kind", q.kind(), 30);
		String no = required("licenceNo", q.licenceNo(), 60);
		if (q.validFrom() == null) {
			throw new InvalidInputException("validFrom", Text.of("supply.problem.required"));
		}
		if (q.validUntil() == null) {
			throw new InvalidInputException("validUntil", Text.of("supply.problem.required"));
		}
		if (q.validUntil().isBefore(q.validFrom())) {
			throw new InvalidInputException("validUntil", Text.of("supply.problem.mustNotBeforeStart"));
		}
		return new NewQualification(kind, no, q.validFrom(), q.validUntil());
	}

	@Transactional
	public Supplier create(NewSupplier s) {
		var supplier = check(s);
		checkNameFree(supplier.name(), null);
		var id = suppliers.insert(supplier, clock.instant());
		events.publishEvent(new AdminChange("supplier.create", "supplier:" + id, supplier.name()));
		return get(id);
	}

	@Transactional
	public Supplier update(SupplierId id, NewSupplier s) {
		get(id);
		var supplier = check(s);
		checkNameFree(supplier.name(), id);
		suppliers.update(id, supplier);
		events.publishEvent(new AdminChange("supplier.update", "supplier:" + id, supplier.name()));
		return get(id);
	}

	/** Changes the details and whether the supplier is active, in one step. */
	@Transactional
	public Supplier update(SupplierId id, NewSupplier s, boolean active) {
		update(id, s);
		return setActive(id, active);
	}

	/** An inactive supplier stays on record (products and purchase orders refer to it) but is not offered any more. */
	@Transactional
	public Supplier setActive(SupplierId id, boolean active) {
		var before = get(id);
		if (before.active() != active) {
			suppliers.setActive(id, active);
			events.publishEvent(new AdminChange(active ? "supplier.activate" : "supplier.deactivate",
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
	public void linkAccount(SupplierId supplierId, AccountId accountId) {
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
		events.publishEvent(new AdminChange("supplier.link-account", "supplier:" + supplierId, "account:" + accountId));
	}

	/** Opens a SUPPLIER account (phone as login) and links it to the supplier in one step. */
	@Transactional
	public Account openAccount(SupplierId supplierId, String phone, String displayName, String password) {
		get(supplierId);
		String login = required("phone", phone, 11);
		if (!MOBILE.matcher(login).matches()) {
			throw new InvalidInputException("phone", Text.of("supply.problem.enterMainlandMobileNumber"));
		}
		String name = required("displayName", displayName, 30);
		var account = accounts.create(new NewAccount(login, name, password, Set.of(Role.SUPPLIER), Set.of()));
		linkAccount(supplierId, account.id());
		return account;
	}

	@Transactional
	public void unlinkAccount(SupplierId supplierId, AccountId accountId) {
		if (suppliers.unlink(accountId, supplierId)) {
			events.publishEvent(new AdminChange("supplier.unlink-account", "supplier:" + supplierId,
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

	private static String required(String field, String value, int max) {
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
