package com.linli.analytics.internal.economics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.Actor;
import com.linli.inventory.DemandOutlook;
import com.linli.inventory.ForecastManagement;
import com.linli.inventory.ForecastSku;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.ordering.OrderSalesFigures;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region's month: the margin per day and in total, the operator's budget for it (entered here, validated), and
 * the forecast of the month's close.
 */
@Service
public class BudgetManagement {

	static final long MAX_FEN = 10_000_000_000_000L;

	static final int PRICE_DAYS = 28;

	private final UnitEconomics economics;

	private final Budgets budgets;

	private final RegionManagement regions;

	private final ForecastManagement forecasts;

	private final OrderSalesFigures sales;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BudgetManagement(UnitEconomics economics, Budgets budgets, RegionManagement regions, ForecastManagement forecasts,
			OrderSalesFigures sales, ApplicationEventPublisher events, Clock clock) {
		this.economics = economics;
		this.budgets = budgets;
		this.regions = regions;
		this.forecasts = forecasts;
		this.sales = sales;
		this.events = events;
		this.clock = clock;
	}

	/** A month as {@code yyyy-MM}, or a 400 naming {@code field}. */
	public static YearMonth month(String field, String value) {
		if (value == null || !value.matches("\\d{4}-\\d{2}")) {
			throw new InvalidInputException(field, Text.of("analytics.problem.month"));
		}
		try {
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, Text.of("analytics.problem.month"));
		}
	}

	/** Sets (or replaces) a region's budget for a month; nothing changes unless every figure is valid. */
	@Transactional
	public Budget setBudget(Actor actor, long regionId, String month, Long gmvFen, Long marginFen, Long costsFen) {
		actor.checkRegion(regionId);
		regions.getRegion(new RegionId(regionId));
		var m = month("month", month);
		var budget = new Budget(regionId, m, money("gmvFen", gmvFen), money("marginFen", marginFen),
				money("costsFen", costsFen), clock.instant());
		budgets.save(budget, actor.accountIdOrNull());
		events.publishEvent(new AdminChange(actor.actedBy(), "analytics.budget.set", "region:" + regionId + ":" + m,
				"gmv=" + budget.gmvFen() + " margin=" + budget.marginFen() + " costs=" + budget.costsFen()));
		return budget;
	}

	private static long money(String field, Long fen) {
		if (fen == null) {
			throw new InvalidInputException(field, Text.of("analytics.problem.moneyRequired"));
		}
		if (fen < 0 || fen > MAX_FEN) {
			throw new InvalidInputException(field, Text.of("analytics.problem.money"));
		}
		return fen;
	}

	/** A region's month: days, total, budget and forecast. */
	@Transactional(readOnly = true)
	public MonthEconomics month(Actor actor, RegionId region, YearMonth month) {
		actor.checkRegion(region.value());
		regions.getRegion(region);
		var days = economics.month(actor, region, month);
		var total = DayMargin.sum(month.atDay(1), days);
		var budget = budgets.find(region.value(), month);
		return new MonthEconomics(region.value(), month, days, total, budget, forecast(region, month, days),
				economics.costPerCrateFen());
	}

	/** A month's figures with its budget and forecast. */
	public record MonthEconomics(long regionId, YearMonth month, List<DayMargin> days, DayMargin total,
			Optional<Budget> budget, Optional<MonthForecast> forecast, long configuredCostPerCrateFen) {
	}

	Optional<MonthForecast> forecast(RegionId region, YearMonth month, List<DayMargin> days) {
		LocalDate today = LocalDate.now(clock);
		if (month.atDay(1).isAfter(today)) {
			return Optional.empty();
		}
		var toDate = DayMargin.sum(month.atDay(1), days.stream().filter(d -> !d.date().isAfter(today)).toList());
		int restDays = month.atEndOfMonth().isAfter(today) ? (int) (month.atEndOfMonth().toEpochDay() - today.toEpochDay()) : 0;
		int forecastDays = Math.min(restDays, 28);
		long restGmv = 0;
		int forecastSkus = 0;
		int unpriced = 0;
		if (forecastDays > 0) {
			var system = Actor.system("analytics-forecast");
			var skus = forecasts.skus(region, system).stream().map(ForecastSku::skuId).toList();
			Map<com.linli.catalog.SkuId, DemandOutlook> outlook = skus.isEmpty() ? Map.of()
					: forecasts.outlook(region, skus, forecastDays, system);
			Map<Long, Double> price = new HashMap<>();
			for (var s : sales.bySku(region, today.minusDays(PRICE_DAYS - 1), today)) {
				if (s.units() > 0) {
					price.put(s.key(), (double) s.paidFen() / s.units());
				}
			}
			double rest = 0;
			for (var e : outlook.entrySet()) {
				double units = e.getValue().days().stream().filter(d -> !d.date().isAfter(month.atEndOfMonth()))
					.mapToDouble(DemandOutlook.Day::mean).sum();
				Double p = price.get(e.getKey().value());
				if (p == null) {
					unpriced++;
					continue;
				}
				forecastSkus++;
				rest += units * p;
			}
			restGmv = Math.round(rest);
		}
		Double rate = toDate.paidFen() > 0 ? (double) toDate.marginFen() / toDate.paidFen() : null;
		double costRate = toDate.paidFen() > 0 ? (double) toDate.costsFen() / toDate.paidFen() : 0;
		long closeMargin = toDate.marginFen() + (rate == null ? 0 : Math.round(restGmv * rate));
		long closeCosts = toDate.costsFen() + Math.round(restGmv * costRate);
		return Optional.of(new MonthForecast(toDate.paidFen(), toDate.marginFen(), toDate.costsFen(), restDays,
				forecastDays, restGmv, rate, toDate.paidFen() + restGmv, closeMargin, closeCosts, forecastSkus, unpriced));
	}
}
