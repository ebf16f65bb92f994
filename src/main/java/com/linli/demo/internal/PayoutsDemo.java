package com.linli.demo.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.leader.Leader;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LeaderSearch;
import com.linli.leader.LeaderStatus;
import com.linli.leader.Withdrawal;
import com.linli.leader.WithdrawalManagement;
import com.linli.leader.WithdrawalStatus;
import com.linli.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Brings withdrawals (提现) to the demo city through the leader module's public API: the commission of the history
 * whose after-sales window has passed matures, then leaders of the first region (the demo leader first) withdraw:
 * one paid, one whose payout failed (the simulated bank refuses ¥x.44; the money is back in the balance), one
 * rejected with a reason, and one waiting for the operator's approval. Leaders without enough available commission
 * (a city without history has none) are skipped.
 */
@Component
class PayoutsDemo {

	private static final Logger log = LoggerFactory.getLogger(PayoutsDemo.class);

	private static final Actor DEMO = Actor.system("demo");

	private final WithdrawalManagement withdrawals;

	private final LeaderManagement leaders;

	private final Clock clock;

	PayoutsDemo(WithdrawalManagement withdrawals, LeaderManagement leaders, Clock clock) {
		this.withdrawals = withdrawals;
		this.leaders = leaders;
		this.clock = clock;
	}

	/** Seeds the first region; answers how many withdrawals it made. */
	int seed(LoadedCity city) {
		try {
			int matured = withdrawals.matureDue(clock.instant());
			log.info("Demo payouts: {} commission accruals available", matured);
			List<Leader> candidates = new ArrayList<>();
			leaders.leaderOf(city.firstPickupPoint()).ifPresent(candidates::add);
			leaders.search(new LeaderSearch(Set.of(city.regions().get(0)), LeaderStatus.ACTIVE, null, 0, 50)).items()
				.stream().filter(l -> !candidates.contains(l)).forEach(candidates::add);
			// each step on the leader with the most available commission that can afford it
			List<Step> steps = List.of(new Step(Money.ofFen(1244), Outcome.APPROVE), new Step(Money.ofFen(1500), Outcome.REJECT),
					new Step(Money.ofFen(2000), Outcome.APPROVE), new Step(Money.ofFen(1000), Outcome.LEAVE));
			int made = 0;
			for (var step : steps) {
				var leader = candidates.stream()
					.filter(l -> !withdrawals.balance(l.id()).available().isNegative()
							&& withdrawals.balance(l.id()).available().compareTo(step.amount()) >= 0
							&& withdrawals.leftThisMonth(l) > 0)
					.findFirst();
				if (leader.isEmpty()) {
					log.info("Demo payouts: no leader has ¥{} available; fewer withdrawals in the demo", step.amount());
					continue;
				}
				var w = withdrawals.request(actorOf(leader.get()), step.amount());
				switch (step.outcome()) {
					case APPROVE -> {
						withdrawals.approve(DEMO, List.of(w.id()));
						await(w);
					}
					case REJECT -> withdrawals.reject(DEMO, w.id(), "收款账户实名信息与团长不一致,请核实后重新申请");
					case LEAVE -> {
					}
				}
				made++;
			}
			log.info("Demo payouts: {} withdrawals", made);
			return made;
		}
		catch (RuntimeException e) {
			log.error("Demo payouts could not be seeded", e);
			return 0;
		}
	}

	/** The payout follows the approval's commit: waits a little for it, as an operator would refresh. */
	private void await(Withdrawal w) {
		for (int i = 0; i < 50; i++) {
			if (withdrawals.staffGet(DEMO, w.id()).status() != WithdrawalStatus.APPROVED) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static Actor actorOf(Leader leader) {
		return Actor.of(leader.accountId(), leader.name(), Set.of(Role.LEADER), Set.of(),
				leader.pickupPointId().value());
	}

	private enum Outcome {
		APPROVE, REJECT, LEAVE
	}

	private record Step(Money amount, Outcome outcome) {
	}
}
