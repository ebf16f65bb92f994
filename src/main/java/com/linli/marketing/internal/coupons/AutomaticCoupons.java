package com.linli.marketing.internal.coupons;

import java.time.Clock;

import com.linli.identity.AccountCreated;
import com.linli.identity.AccountId;
import com.linli.identity.Role;
import com.linli.marketing.CouponTemplate;
import com.linli.shared.BusinessRuleException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coupons given on events, after the event's transaction committed: to a new resident, one of each active
 * template marked "on registration"; on a resident's first paid order, one of each active template marked "on
 * first order" in the order's region. Each template in a transaction of its own, so one that ran out does not
 * stop the others; the source ("registration", "first-order:&lt;order&gt;") makes a redelivered event give nothing twice.
 * (Residents have no birthday in Linli, so there are no birthday coupons.)
 */
@Component
class AutomaticCoupons {

	private static final Logger log = LoggerFactory.getLogger(AutomaticCoupons.class);

	private final CouponTemplates templates;

	private final CouponIssuer issuer;

	private final TransactionTemplate eachTemplate;

	private final Clock clock;

	AutomaticCoupons(CouponTemplates templates, CouponIssuer issuer, PlatformTransactionManager transactions, Clock clock) {
		this.templates = templates;
		this.issuer = issuer;
		this.eachTemplate = new TransactionTemplate(transactions);
		this.eachTemplate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AccountCreated event) {
		if (!event.roles().contains(Role.RESIDENT)) {
			return;
		}
		for (CouponTemplate t : templates.automatic(true, clock.instant())) {
			give(t, event.accountId(), "registration");
		}
	}

	@ApplicationModuleListener
	void on(FirstOrderPaid event) {
		for (CouponTemplate t : templates.automatic(false, clock.instant())) {
			if (t.inRegion(event.region())) {
				give(t, event.resident(), "first-order:" + event.orderId());
			}
		}
	}

	private void give(CouponTemplate t, AccountId resident, String source) {
		try {
			eachTemplate.executeWithoutResult(s -> issuer.issue(t, resident, source, clock.instant()));
		}
		catch (BusinessRuleException e) {
			// ran out, paused meanwhile or the resident is at the limit: nothing to give, nothing to retry
			log.info("No coupon of template {} for resident {} ({}): {}", t.id(), resident, source, e.code());
		}
	}
}
