package com.linli.leader.internal.payouts;

import java.time.Instant;

import com.linli.leader.CommissionAccrued;
import com.linli.leader.CommissionReversed;
import com.linli.leader.PayoutRules;
import com.linli.leader.internal.CommissionLedger;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the balances in step with the ledger. An accrual starts pending, to mature when its line's after-sales
 * window has passed (the pickup plus {@link PayoutRules#window()}); a reversal takes from pending before that,
 * from available after. It listens synchronously, inside the ledger writer's transaction and under its lock on
 * the leader's account, so an entry and its balance move commit together or not at all.
 */
@Component
public class Settlement {

	private final Balances balances;

	private final CommissionLedger ledger;

	private final JdbcClient jdbc;

	private final PayoutRules rules;

	private final TransactionTemplate transactions;

	Settlement(Balances balances, CommissionLedger ledger, JdbcClient jdbc, PayoutRules rules,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.balances = balances;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.rules = rules;
	}

	@EventListener
	void on(CommissionAccrued event) {
		var accrual = jdbc.sql("""
				select id, occurred_at from leader.commission_entry where order_line_id = ? and kind = 'ACCRUAL'""")
			.param(event.lineId().value())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getTimestamp(2).toInstant() })
			.optional().orElseThrow(() -> new IllegalStateException("no accrual of line " + event.lineId()));
		Instant pickedUp = (Instant) accrual[1];
		balances.accrued(event.leaderId(), (Long) accrual[0], event.amount(), pickedUp.plus(rules.window()));
	}

	@EventListener
	void on(CommissionReversed event) {
		// by the accrual's reversals so far, not the event's amount: the same event told twice moves nothing more
		var accrual = ledger.accrualOf(event.lineId()).orElseThrow();
		balances.reversed(accrual.leaderId(), accrual.id(), accrual.reversed());
	}

	/** Matures every accrual due at {@code now}, each leader in a transaction of its own; answers how many matured. */
	public int matureDue(Instant now) {
		int matured = 0;
		for (var leader : balances.leadersDue(now)) {
			matured += transactions.execute(status -> {
				ledger.lockAccount(leader);
				return balances.mature(leader, now);
			});
		}
		return matured;
	}
}
