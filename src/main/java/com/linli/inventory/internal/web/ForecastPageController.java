package com.linli.inventory.internal.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.inventory.ForecastAccuracy;
import com.linli.inventory.ForecastManagement;
import com.linli.inventory.ForecastPoint;
import com.linli.inventory.ForecastSku;
import com.linli.inventory.ForecastView;
import com.linli.inventory.DemandOutlook;
import com.linli.inventory.MethodAccuracy;
import com.linli.inventory.internal.forecast.ForecastJob;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's forecasts: per region and SKU, actual demand against Linli's forecast (history and the
 * next 7 days) in an ECharts line chart, the region's daily accuracy of Linli beside seasonal-naive,
 * the suggested listing caps; a button that runs the forecasting job with its progress; the history
 * as CSV for the backtest command.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class ForecastPageController {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** SKUs listed with their caps on the page. */
	static final int SKUS_SHOWN = 20;

	private final ForecastManagement forecasts;

	private final com.linli.inventory.ReplenishmentManagement replenishment;

	ForecastPageController(ForecastManagement forecasts, com.linli.inventory.ReplenishmentManagement replenishment) {
		this.forecasts = forecasts;
		this.replenishment = replenishment;
	}

	/** The SKU's purchase suggestion; null before its first forecast (or without a central warehouse). */
	private com.linli.inventory.PurchaseSuggestion purchase(Region region, ForecastSku sku, Actor actor) {
		try {
			return replenishment.purchaseSuggestion(region.id(), sku.skuId(), actor);
		}
		catch (com.linli.shared.BusinessRuleException e) {
			return null;
		}
	}

	/** A SKU of the caps table: its forecast view and the purchase suggestion (newsvendor or reorder point). */
	record SkuRow(ForecastSku sku, ForecastView view, com.linli.inventory.PurchaseSuggestion purchase) {
	}

	@GetMapping("/console/forecasts")
	String page(@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long skuId,
			Model model, Actor actor) {
		List<Region> regions = forecasts.regions(actor).stream().filter(Region::active).toList();
		Region region = regions.stream().filter(r -> regionId != null && r.id().value() == regionId).findFirst()
			.orElse(regions.isEmpty() ? null : regions.get(0));
		model.addAttribute("regions", regions);
		model.addAttribute("region", region);
		model.addAttribute("job", forecasts.jobStatus());
		if (region == null) {
			return "inventory/forecasts";
		}
		List<ForecastSku> skus = forecasts.skus(region.id(), actor);
		model.addAttribute("skus", skus);
		ForecastSku chosen = skus.stream().filter(s -> skuId != null && s.skuId().value() == skuId).findFirst()
			.orElse(skus.isEmpty() ? null : skus.get(0));
		List<SkuRow> rows = new ArrayList<>();
		for (ForecastSku s : skus.subList(0, Math.min(SKUS_SHOWN, skus.size()))) {
			rows.add(new SkuRow(s, forecasts.forecast(region.id(), s.skuId(), actor), purchase(region, s, actor)));
		}
		model.addAttribute("rows", rows);
		List<ForecastAccuracy> accuracy = forecasts.accuracy(region.id(), null, null, actor);
		model.addAttribute("accuracy", accuracy);
		long actual = accuracy.stream().mapToLong(ForecastAccuracy::actualUnits).sum();
		if (actual > 0) {
			double linliError = accuracy.stream().filter(a -> a.linli() != null).mapToDouble(a -> (1 - a.linli()) * a.actualUnits()).sum();
			double naiveError = accuracy.stream().filter(a -> a.naive() != null).mapToDouble(a -> (1 - a.naive()) * a.actualUnits()).sum();
			model.addAttribute("linliAccuracy", 1 - linliError / actual);
			model.addAttribute("naiveAccuracy", 1 - naiveError / actual);
		}
		if (chosen != null) {
			ForecastView view = forecasts.forecast(region.id(), chosen.skuId(), actor);
			model.addAttribute("chosen", view);
			DemandOutlook outlook = forecasts.outlook(region.id(), List.of(chosen.skuId()), ForecastJob.HORIZON, actor)
				.get(chosen.skuId());
			model.addAttribute("outlook", outlook);
			model.addAttribute("chartJson", JSON.writeValueAsString(chart(view, accuracy, outlook)));
			model.addAttribute("points", forecasts.pointOutlook(region.id(), chosen.skuId(), ForecastJob.HORIZON, actor));
		}
		model.addAttribute("methods", methodRows(forecasts.methodAccuracy(region.id(), 7, actor),
				forecasts.methodAccuracy(region.id(), 28, actor)));
		return "inventory/forecasts";
	}

	/** The job's progress, polled by the page while it runs. */
	@GetMapping(value = "/console/forecasts/job", headers = "HX-Request")
	String job(Model model) {
		model.addAttribute("job", forecasts.jobStatus());
		return "inventory/forecasts :: job";
	}

	@PostMapping("/console/forecasts/job")
	String start(@RequestParam(required = false) Long regionId,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect, Actor actor) {
		try {
			forecasts.startJob(regionId == null ? null : new RegionId(regionId), actor);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("failure", e.getMessage());
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		if (htmx != null) {
			model.addAttribute("job", forecasts.jobStatus());
			return "inventory/forecasts :: job";
		}
		return "redirect:/console/forecasts" + (regionId == null ? "" : "?regionId=" + regionId);
	}

	/** The demand history of every region as {@code date,store,item,quantity}, for the backtest command. */
	@GetMapping("/console/forecasts/history.csv")
	void history(HttpServletResponse response, Actor actor) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"linli-demand-history.csv\"");
		PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		forecasts.exportHistory(out::println, actor);
		out.flush();
	}

	/** One method's accuracy over the last week and the last four weeks. */
	record MethodRow(String method, MethodAccuracy week, MethodAccuracy weeks) {
	}

	/** Linli first, then the baselines as scored, each with both periods (a period may not have it). */
	static List<MethodRow> methodRows(List<MethodAccuracy> week, List<MethodAccuracy> weeks) {
		Map<String, MethodRow> rows = new LinkedHashMap<>();
		for (MethodAccuracy a : weeks) {
			rows.put(a.method(), new MethodRow(a.method(), null, a));
		}
		for (MethodAccuracy a : week) {
			MethodRow row = rows.get(a.method());
			rows.put(a.method(), new MethodRow(a.method(), a, row == null ? null : row.weeks()));
		}
		return rows.values().stream().filter(r -> r.weeks() != null && r.weeks().days() > 0).toList();
	}

	/**
	 * The chart's data: actual, Linli's median (past forecasts and the days ahead), seasonal naive, and for the
	 * days ahead the band from the median to the 0.95 quantile with the 0.8 quantile (null on past days).
	 */
	static Map<String, Object> chart(ForecastView view, List<ForecastAccuracy> accuracy, DemandOutlook outlook) {
		List<String> dates = new ArrayList<>();
		List<Object> actual = new ArrayList<>();
		List<Object> linli = new ArrayList<>();
		List<Object> naive = new ArrayList<>();
		List<ForecastPoint> points = new ArrayList<>(view.history());
		points.addAll(view.ahead());
		for (ForecastPoint p : points) {
			dates.add(p.date().toString());
			actual.add(p.actualUnits());
			linli.add(p.forecastUnits() == null ? null : Math.round(p.forecastUnits() * 10) / 10.0);
			naive.add(p.naiveUnits() == null ? null : Math.round(p.naiveUnits() * 10) / 10.0);
		}
		Map<LocalDate, DemandOutlook.Day> ahead = new java.util.HashMap<>();
		if (outlook != null) {
			outlook.days().forEach(d -> ahead.put(d.date(), d));
		}
		List<Object> p50 = new ArrayList<>();
		List<Object> p80 = new ArrayList<>();
		List<Object> p95 = new ArrayList<>();
		for (ForecastPoint p : points) {
			DemandOutlook.Day d = ahead.get(p.date());
			p50.add(d == null ? null : Math.round(d.p50() * 10) / 10.0);
			p80.add(d == null ? null : Math.round(d.p80() * 10) / 10.0);
			p95.add(d == null ? null : Math.round(d.p95() * 10) / 10.0);
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("dates", dates);
		chart.put("p50", p50);
		chart.put("p80", p80);
		chart.put("p95", p95);
		chart.put("actual", actual);
		chart.put("linli", linli);
		chart.put("naive", naive);
		chart.put("accuracyDates", accuracy.stream().map(a -> a.date().toString()).toList());
		chart.put("accuracyLinli", accuracy.stream().map(a -> a.linli() == null ? null : Math.round(a.linli() * 1000) / 1000.0).toList());
		chart.put("accuracyNaive", accuracy.stream().map(a -> a.naive() == null ? null : Math.round(a.naive() * 1000) / 1000.0).toList());
		return chart;
	}

}
