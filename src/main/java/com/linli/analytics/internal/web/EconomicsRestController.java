package com.linli.analytics.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.linli.analytics.internal.economics.Budget;
import com.linli.analytics.internal.economics.BudgetManagement;
import com.linli.analytics.internal.economics.BudgetManagement.MonthEconomics;
import com.linli.analytics.internal.economics.DayMargin;
import com.linli.analytics.internal.economics.MonthForecast;
import com.linli.analytics.internal.economics.OrderMargin;
import com.linli.analytics.internal.economics.UnitEconomics;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Unit economics (contribution margin per region, day and order) and the monthly budget with its forecast close. */
@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "analytics-economics", description = "Unit economics (单位经济): contribution margin, budget vs actual, forecast close")
class EconomicsRestController {

	private final BudgetManagement budgets;

	private final UnitEconomics economics;

	private final Clock clock;

	EconomicsRestController(BudgetManagement budgets, UnitEconomics economics, Clock clock) {
		this.budgets = budgets;
		this.economics = economics;
		this.clock = clock;
	}

	/** One day's (or the total's) components, in fen. */
	record MarginView(LocalDate date, long orders, long paidFen, long goodsFen, long commissionFen, long deliveryFen,
			String deliverySource, long wasteFen, long refundsFen, long marginFen, long unpricedUnits) {

		static MarginView of(DayMargin d) {
			return new MarginView(d.date(), d.orders(), d.paidFen(), d.goodsFen(), d.commissionFen(), d.deliveryFen(),
					d.delivery().name(), d.wasteFen(), d.refundsFen(), d.marginFen(), d.unpricedUnits());
		}
	}

	record BudgetView(long gmvFen, long marginFen, long costsFen) {

		static BudgetView of(Budget b) {
			return new BudgetView(b.gmvFen(), b.marginFen(), b.costsFen());
		}
	}

	/** Actual (the whole month's figures so far) against the budget; null when no budget was entered. */
	record VersusView(long gmvFen, long marginFen, long costsFen, long gmvGapFen, long marginGapFen, long costsGapFen) {
	}

	record MonthView(long regionId, String month, List<MarginView> days, MarginView total, BudgetView budget,
			VersusView actualVersusBudget, MonthForecast forecast, long configuredCostPerCrateFen) {

		static MonthView of(MonthEconomics m) {
			var total = m.total();
			var budget = m.budget().map(BudgetView::of).orElse(null);
			var versus = budget == null ? null : new VersusView(total.paidFen(), total.marginFen(), total.costsFen(),
					total.paidFen() - budget.gmvFen(), total.marginFen() - budget.marginFen(),
					total.costsFen() - budget.costsFen());
			return new MonthView(m.regionId(), m.month().toString(), m.days().stream().map(MarginView::of).toList(),
					MarginView.of(total), budget, versus, m.forecast().orElse(null), m.configuredCostPerCrateFen());
		}
	}

	/** One order's margin and its components (fen), with its lines. */
	record OrderView(long orderId, String orderNo, long regionId, LocalDate pickupDate, long paidFen, long goodsFen,
			long commissionFen, long deliveryFen, String deliverySource, long wasteFen, long refundsFen, long marginFen,
			long unpricedUnits, List<OrderMargin.Line> lines) {

		static OrderView of(OrderMargin m) {
			return new OrderView(m.orderId(), m.orderNo(), m.regionId(), m.pickupDate(), m.paidFen(), m.goodsFen(),
					m.commissionFen(), m.deliveryFen(), m.delivery().name(), m.wasteFen(), m.refundsFen(), m.marginFen(),
					m.unpricedUnits(), m.lines());
		}
	}

	record BudgetRequest(Long gmvFen, Long marginFen, Long costsFen) {
	}

	@GetMapping("/economics")
	@Operation(summary = "A region's month (yyyy-MM, default the current one): contribution margin per day (paid − goods at supplier prices − leader "
			+ "commission − delivery − waste − refunds) and in total, the budget, actual vs budget and the forecast close")
	MonthView month(@RequestParam long regionId, @RequestParam(required = false) String month, Actor actor) {
		actor.checkRegion(regionId); // before the month is read: another region's figures are refused whatever is asked
		YearMonth m = month == null ? YearMonth.now(clock) : BudgetManagement.month("month", month);
		return MonthView.of(budgets.month(actor, new RegionId(regionId), m));
	}

	@GetMapping("/economics/orders/{id}")
	@Operation(summary = "One order's contribution margin with its lines (delivery and waste: its day's share)")
	OrderView order(@PathVariable("id") long orderId, Actor actor) {
		return OrderView.of(economics.order(actor, new OrderId(orderId)));
	}

	@PutMapping("/budgets/{regionId}/{month}")
	@Operation(summary = "Set a region's budget for a month (yyyy-MM): GMV, margin and costs in fen, each ≥ 0")
	BudgetView setBudget(@PathVariable long regionId, @PathVariable String month, @RequestBody BudgetRequest request,
			Actor actor) {
		return BudgetView.of(budgets.setBudget(actor, regionId, month, request.gmvFen(), request.marginFen(),
				request.costsFen()));
	}
}
