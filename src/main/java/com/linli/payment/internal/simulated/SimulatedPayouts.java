package com.linli.payment.internal.simulated;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import com.linli.payment.Payee;
import com.linli.payment.internal.PayoutProvider;
import com.linli.shared.Money;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The simulated bank's payouts: paid at once, once per reference ({@code sim_payout}). To reproduce a failure
 * (a frozen or unverified wallet) in tests and the demo, the bank refuses payouts whose fen part (the last two
 * digits of the amount in fen) equals {@code linli.payment.simulated.refused-payout-cents} (default 44: a
 * withdrawal of ¥12.44 fails; -1 turns this off).
 */
@Component
@ConditionalOnSimulatedProvider
class SimulatedPayouts implements PayoutProvider {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int refusedCents;

	SimulatedPayouts(JdbcClient jdbc, Clock clock,
			@Value("${linli.payment.simulated.refused-payout-cents:44}") int refusedCents) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refusedCents = refusedCents;
	}

	@Override
	@Transactional
	public PayoutResult pay(String reference, Payee payee, Money amount) {
		var earlier = jdbc.sql("select id, succeeded, failure_reason from payment.sim_payout where reference = ?")
			.param(reference)
			.query((rs, n) -> new PayoutResult(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
			.optional();
		if (earlier.isPresent()) {
			return earlier.get();
		}
		boolean refused = refusedCents >= 0 && amount.fen() % 100 == refusedCents;
		Instant now = clock.instant();
		String id = "SIMP" + String.format("%016d", ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));
		String reason = refused ? "ACCOUNT_FROZEN: payee account " + payee.account() + " cannot receive payouts" : null;
		jdbc.sql("""
				insert into payment.sim_payout (id, reference, payee_account, amount_fen, succeeded, failure_reason, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (reference) do nothing""")
			.params(id, reference, payee.account(), amount.fen(), !refused, reason, Timestamp.from(now)).update();
		return jdbc.sql("select id, succeeded, failure_reason from payment.sim_payout where reference = ?")
			.param(reference)
			.query((rs, n) -> new PayoutResult(rs.getBoolean(2) ? rs.getString(1) : null, rs.getBoolean(2),
					rs.getString(3)))
			.single();
	}
}
