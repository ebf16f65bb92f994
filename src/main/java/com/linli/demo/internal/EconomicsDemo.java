package com.linli.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;

import com.linli.analytics.MonthlyBudgets;
import com.linli.identity.Actor;
import com.linli.network.RegionId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's monthly budget (issue 16): for each region, this month's budget as an operator would set it from the
 * pace of the simulated history (its daily GMV, margin and costs so far over the whole month, GMV and margin 5%
 * above that pace), so /console/economics shows budget against actual and the forecast close on a fresh start.
 */
@Component
class EconomicsDemo {

	private static final Logger log = LoggerFactory.getLogger(EconomicsDemo.class);

	private final MonthlyBudgets budgets;

	private final Clock clock;

	EconomicsDemo(MonthlyBudgets budgets, Clock clock) {
		this.budgets = budgets;
		this.clock = clock;
	}

	void seed(Collection<RegionId> regions) {
		var system = Actor.system("demo");
		YearMonth month = YearMonth.now(clock);
		LocalDate today = LocalDate.now(clock);
		for (RegionId region : regions) {
			try {
				var soFar = budgets.toDate(system, region, month, today);
				if (soFar.daysWithOrders() == 0) {
					continue;
				}
				double perMonth = (double) month.lengthOfMonth() / soFar.daysWithOrders();
				budgets.set(system, region, month, Math.round(soFar.gmvFen() * perMonth * 1.05),
						Math.max(0, Math.round(soFar.marginFen() * perMonth * 1.05)), Math.round(soFar.costsFen() * perMonth));
			}
			catch (RuntimeException e) {
				log.error("Demo city: the budget of region {} could not be seeded", region.value(), e);
			}
		}
	}
}
