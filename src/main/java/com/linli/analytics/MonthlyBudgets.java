package com.linli.analytics;

import java.time.LocalDate;
import java.time.YearMonth;

import com.linli.analytics.internal.economics.BudgetManagement;
import com.linli.analytics.internal.economics.DayMargin;
import com.linli.identity.Actor;
import com.linli.network.RegionId;

import org.springframework.stereotype.Service;

/**
 * A region's monthly budget (GMV, contribution margin, costs in fen) and the month's figures to date, for modules
 * that set budgets (the demo city); the console and the REST API set them through analytics' own controllers.
 */
@Service
public class MonthlyBudgets {

	private final BudgetManagement budgets;

	MonthlyBudgets(BudgetManagement budgets) {
		this.budgets = budgets;
	}

	/** The month's figures over the days up to {@code through} that had paid orders. */
	public record ToDate(int daysWithOrders, long gmvFen, long marginFen, long costsFen) {
	}

	public ToDate toDate(Actor actor, RegionId region, YearMonth month, LocalDate through) {
		var days = budgets.month(actor, region, month).days().stream()
			.filter(d -> !d.date().isAfter(through) && d.orders() > 0)
			.toList();
		var total = DayMargin.sum(month.atDay(1), days);
		return new ToDate(days.size(), total.paidFen(), total.marginFen(), total.costsFen());
	}

	/** Sets (or replaces) the budget; each figure must be at least 0. */
	public void set(Actor actor, RegionId region, YearMonth month, long gmvFen, long marginFen, long costsFen) {
		budgets.setBudget(actor, region.value(), month.toString(), gmvFen, marginFen, costsFen);
	}
}
