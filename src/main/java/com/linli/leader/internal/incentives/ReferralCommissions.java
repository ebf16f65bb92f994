package com.linli.leader.internal.incentives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

import com.linli.leader.CommissionAccrued;
import com.linli.leader.CommissionReversed;
import com.linli.leader.PayoutRules;
import com.linli.leader.ReferralRules;
import com.linli.leader.internal.CommissionLedger;
import com.linli.leader.internal.Leaders;
import com.linli.network.RegionManagement;
import com.linli.ordering.OrderLineId;
import com.linli.shared.Money;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral commission (平推佣金): for each accrual of a referred leader picked up within the referral's period,
 * the referrer earns {@link ReferralRules#rateBasisPoints()} of its base; when the accrual is reversed, the referral
 * commission is given back in the same proportion of units (cumulative, so that a full reversal gives back exactly
 * what was earned). It listens synchronously, inside the ledger writer's transaction, which holds the referred
 * leader's account; it then locks the referrer's (a referrer was a leader before the one they referred, so the
 * locks are always taken child before parent and never cross). Idempotent: a redelivered event changes nothing.
 */
@Component
class ReferralCommissions {

	private final Referrals referrals;

	private final IncentiveLedger ledger;

	private final CommissionLedger accounts;

	private final Leaders leaders;

	private final RegionManagement regions;

	private final ReferralRules rules;

	private final PayoutRules payout;

	private final Clock clock;

	ReferralCommissions(Referrals referrals, IncentiveLedger ledger, CommissionLedger accounts, Leaders leaders,
			RegionManagement regions, ReferralRules rules, PayoutRules payout, Clock clock) {
		this.referrals = referrals;
		this.ledger = ledger;
		this.accounts = accounts;
		this.leaders = leaders;
		this.regions = regions;
		this.rules = rules;
		this.payout = payout;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void on(CommissionAccrued event) {
		sync(event.lineId());
	}

	@EventListener
	@Transactional
	void on(CommissionReversed event) {
		sync(event.lineId());
	}

	/** Brings the referral commission of the line's accrual in step with the accrual; true when it wrote anything. */
	boolean sync(OrderLineId line) {
		var accrual = ledger.accrual(line.value()).orElse(null);
		if (accrual == null || rules.rateBasisPoints() == 0) {
			return false;
		}
		var referral = referrals.ofReferred(accrual.leaderId()).orElse(null);
		if (referral == null) {
			return false;
		}
		Instant ends = referral.startedAt().plus(Duration.ofDays(rules.commissionDays()));
		if (accrual.occurredAt().isBefore(referral.startedAt()) || !accrual.occurredAt().isBefore(ends)) {
			return false;
		}
		var referrer = leaders.find(referral.referrerId()).orElseThrow();
		accounts.lockAccount(referrer.id());
		Instant now = clock.instant();
		YearMonth month = YearMonth.from(now.atZone(regions.getRegion(referrer.regionId()).zone()));
		String label = leaders.find(accrual.leaderId()).map(l -> l.name()).orElse(null);
		boolean wrote = false;
		var entry = ledger.referralOn(accrual.id()).orElse(null);
		if (entry == null) {
			Money amount = Money.ofFen(accrual.baseFen()).timesBasisPoints(rules.rateBasisPoints());
			if (amount.isZero()) {
				return false;
			}
			long id = ledger.insertReferral(referrer.id(), accrual, rules.rateBasisPoints(), amount, label, month,
					accrual.occurredAt().plus(payout.window()), now);
			entry = new IncentiveLedger.ReferralEntry(id, amount.fen(), 0, 0);
			wrote = true;
		}
		long target = share(entry.amountFen(), accrual.reversedQuantity(), accrual.quantity());
		long delta = target - entry.reversedFen();
		if (delta > 0) {
			int units = accrual.reversedQuantity() - entry.reversedQuantity();
			ledger.insertReferralReversal(referrer.id(), accrual, entry, Math.max(units, 0), Money.ofFen(delta),
					rules.rateBasisPoints(), label, month, now);
			wrote = true;
		}
		return wrote;
	}

	/** {@code amount × units / quantity}, half-up to the fen. */
	static long share(long amount, int units, int quantity) {
		return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(units))
			.divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_UP).longValueExact();
	}
}
