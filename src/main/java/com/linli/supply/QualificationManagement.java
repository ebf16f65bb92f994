package com.linli.supply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.internal.Qualifications;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier's licences (资质: business licence, food permits) and the alerts they raise before and when
 * they run out; a supplier with an expired licence gets no new purchase orders. Roles are checked by the web
 * layer.
 */
@Service
@Transactional(readOnly = true)
public class QualificationManagement {

	/** Days before expiry a licence raises an EXPIRING alert. */
	public static final int EXPIRY_WARNING_DAYS = 30;

	private final SupplierManagement suppliers;

	private final Qualifications qualifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	QualificationManagement(SupplierManagement suppliers, Qualifications qualifications,
			ApplicationEventPublisher events, Clock clock) {
		this.suppliers = suppliers;
		this.qualifications = qualifications;
		this.events = events;
		this.clock = clock;
	}

	public List<Qualification> qualifications(SupplierId id) {
		get(id);
		return qualifications.of(id);
	}

	@Transactional
	public Qualification addQualification(SupplierId id, NewQualification q, Actor actor) {
		get(id);
		var checked = check(q);
		if (qualifications.exists(id, checked.kind(), checked.licenceNo(), null)) {
			throw new BusinessRuleException("qualification-exists", "licenceNo",
					Text.of("supply.problem.licenceAlreadyRecord"));
		}
		long qid = qualifications.insert(id, checked, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "supplier.qualification.add", "supplier:" + id,
				checked.kind() + " " + checked.licenceNo() + " → " + checked.validUntil()));
		checkQualifications();
		return qualifications.find(qid).orElseThrow();
	}

	@Transactional
	public Qualification updateQualification(SupplierId id, long qualificationId, NewQualification q, Actor actor) {
		var before = qualifications.find(qualificationId).filter(x -> x.supplierId().equals(id))
			.orElseThrow(() -> new NotFoundException("qualification", qualificationId));
		var checked = check(q);
		if (qualifications.exists(id, checked.kind(), checked.licenceNo(), before.id())) {
			throw new BusinessRuleException("qualification-exists", "licenceNo",
					Text.of("supply.problem.licenceAlreadyRecord"));
		}
		qualifications.update(qualificationId, checked);
		events.publishEvent(new AdminChange(actor.actedBy(), "supplier.qualification.update", "supplier:" + id,
				checked.kind() + " " + checked.licenceNo() + " → " + checked.validUntil()));
		checkQualifications();
		return qualifications.find(qualificationId).orElseThrow();
	}

	@Transactional
	public void removeQualification(SupplierId id, long qualificationId, Actor actor) {
		if (!qualifications.delete(id, qualificationId)) {
			throw new NotFoundException("qualification", qualificationId);
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "supplier.qualification.remove", "supplier:" + id, "qualification:" + qualificationId));
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

	private void get(SupplierId id) {
		suppliers.get(id);
	}

	private static String required(String field, String value, int max) {
		return SupplierManagement.required(field, value, max);
	}
}
