package com.linli.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.internal.PurchaseOrders;
import com.linli.supply.internal.Statements;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier settlement: per payment period (the supplier's contract terms), a statement of accepted units ×
 * purchase price minus chargebacks. A statement stays OPEN (and collects late receipts) until its period is
 * over and it is settled; settling makes its purchase orders SETTLED. Staff see and change the statements of
 * the regions they work in: the caller passes the {@link Actor}.
 */
@Service
@Transactional(readOnly = true)
public class SettlementManagement {

	private final Statements statements;

	private final PurchaseOrders orders;

	private final SupplierManagement suppliers;

	private final SupplierSkuManagement supplierTerms;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SettlementManagement(Statements statements, PurchaseOrders orders, SupplierManagement suppliers,
			SupplierSkuManagement supplierTerms, ApplicationEventPublisher events, Clock clock) {
		this.statements = statements;
		this.orders = orders;
		this.suppliers = suppliers;
		this.supplierTerms = supplierTerms;
		this.events = events;
		this.clock = clock;
	}

	/** First and last day of the supplier's payment period that contains {@code day}. */
	public LocalDate[] period(SupplierTerms terms, LocalDate day) {
		return switch (terms.paymentPeriod()) {
			case WEEKLY -> new LocalDate[] { ScorePeriod.WEEK.start(day), ScorePeriod.WEEK.end(day).minusDays(1) };
			case MONTHLY -> new LocalDate[] { ScorePeriod.MONTH.start(day), ScorePeriod.MONTH.end(day).minusDays(1) };
			case DAYS -> {
				long n = terms.paymentDays();
				long epoch = day.toEpochDay();
				LocalDate start = LocalDate.ofEpochDay(epoch - Math.floorMod(epoch, n));
				yield new LocalDate[] { start, start.plusDays(n - 1) };
			}
		};
	}

	/**
	 * Draws up (or brings up to date) the supplier's statement of the period containing {@code day}: the
	 * purchase orders received in it and the chargebacks entered up to its end.
	 */
	@Transactional
	public Statement drawUp(Actor actor, SupplierId supplier, LocalDate day) {
		var terms = supplierTerms.terms(supplier);
		if (day == null) {
			throw new InvalidInputException("day", Text.of("supply.problem.required"));
		}
		var p = period(terms, day);
		long id = statements.open(supplier, p[0], p[1], clock.instant());
		var s = statements.find(id).orElseThrow();
		if (!s.settled()) {
			statements.collect(id, supplier, start(p[0]), start(p[1].plusDays(1)));
		}
		return get(actor, id);
	}

	/**
	 * A statement, for staff: it belongs to the regions of its purchase orders (and of those its chargebacks
	 * name), and only staff working in all of them see it (403 otherwise).
	 */
	public Statement get(Actor actor, long id) {
		var s = load(id);
		statements.regions(id).forEach(actor::checkRegion);
		return s;
	}

	private Statement load(long id) {
		var s = statements.find(id).orElseThrow(() -> new NotFoundException("statement", id));
		var pos = orders.ofStatement(id);
		return new Statement(s.id(), s.supplierId(), s.supplierName(), s.periodStart(), s.periodEnd(), s.goods(),
				s.chargebacks(), s.total(), s.status(), s.createdAt(), s.settledAt(), pos,
				statements.chargebacks(s.supplierId(), id));
	}

	/** A statement of this supplier, else "not found". */
	public Statement getFor(SupplierId supplier, long id) {
		var s = load(id);
		if (!s.supplierId().equals(supplier)) {
			throw new NotFoundException("statement", id);
		}
		return s;
	}

	/** The supplier's statements (all when null) that the caller, staff, may see (see {@link #get}). */
	public List<Statement> list(Actor actor, SupplierId supplier) {
		return statements.list(supplier, actor.regionFilter(null).idsOrNull(), 200);
	}

	/** The statements of this supplier, for the supplier's own portal. */
	public List<Statement> listFor(SupplierId supplier) {
		return statements.list(supplier, 200);
	}

	/** OPEN -> SETTLED once the period is over; its purchase orders become SETTLED. */
	@Transactional
	public Statement settle(Actor actor, long id) {
		var s = get(actor, id);
		if (!s.periodEnd().isBefore(LocalDate.now(clock))) {
			throw new BusinessRuleException("period-not-over", Text.of("supply.problem.paymentPeriodNotOverYet"));
		}
		drawUp(actor, s.supplierId(), s.periodStart());
		Instant now = clock.instant();
		if (!statements.settle(id, now)) {
			throw new BusinessRuleException("statement-settled", Text.of("supply.problem.statementSettledAlready"));
		}
		for (PurchaseOrder po : get(actor, id).orders()) {
			orders.save(po, po.settle(now));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "statement.settle", "supplier:" + s.supplierId(),
				"statement:" + id + " " + s.total()));
		return get(actor, id);
	}

	/**
	 * A chargeback on the supplier's next statement. Staff charge back a purchase order of their regions; only
	 * platform admins enter one without a purchase order (it lands on a statement of every region).
	 */
	@Transactional
	public Chargeback chargeback(Actor actor, SupplierId supplier, PurchaseOrderId po, Money amount, String reason) {
		suppliers.get(supplier);
		if (amount == null || amount.fen() <= 0) {
			throw new InvalidInputException("amountFen", Text.of("supply.problem.amountMustMoreThanZero"));
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw new InvalidInputException("reason", Text.of("supply.problem.reasonUp200Characters"));
		}
		if (po == null && !actor.isSystem() && !actor.isAdmin()) {
			throw new InvalidInputException("purchaseOrderId",
					Text.of("supply.problem.chargebackNeedsPurchaseOrder"));
		}
		if (po != null) {
			var order = orders.find(po).orElseThrow(() -> new InvalidInputException("purchaseOrderId", "no such purchase order"));
			actor.checkRegion(order.regionId().value());
			if (!order.supplierId().equals(supplier)) {
				throw new InvalidInputException("purchaseOrderId", Text.of("supply.problem.notPurchaseOrderSupplier"));
			}
		}
		long id = statements.addChargeback(supplier, po == null ? null : po.value(), amount, reason.strip(),
				clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "supplier.chargeback", "supplier:" + supplier, amount + " " + reason.strip()));
		return statements.chargebacks(supplier, null).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
	}

	/** Chargebacks not on a statement yet, of the purchase orders the caller may see. */
	public List<Chargeback> openChargebacks(Actor actor, SupplierId supplier) {
		return statements.chargebacks(supplier, null).stream()
			.filter(c -> c.purchaseOrderId() == null || orders.find(new PurchaseOrderId(c.purchaseOrderId()))
				.map(po -> actor.worksIn(po.regionId().value())).orElse(true))
			.toList();
	}

	private Instant start(LocalDate day) {
		return day.atStartOfDay(clock.getZone()).toInstant();
	}
}
