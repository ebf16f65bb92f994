package com.linli.inventory.internal.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

	ForecastPageController(ForecastManagement forecasts) {
		this.forecasts = forecasts;
	}

	record SkuRow(ForecastSku sku, ForecastView view) {
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
			rows.add(new SkuRow(s, forecasts.forecast(region.id(), s.skuId(), actor)));
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
			model.addAttribute("chartJson", JSON.writeValueAsString(chart(view, accuracy)));
		}
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

	static Map<String, Object> chart(ForecastView view, List<ForecastAccuracy> accuracy) {
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
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("dates", dates);
		chart.put("actual", actual);
		chart.put("linli", linli);
		chart.put("naive", naive);
		chart.put("accuracyDates", accuracy.stream().map(a -> a.date().toString()).toList());
		chart.put("accuracyLinli", accuracy.stream().map(a -> a.linli() == null ? null : Math.round(a.linli() * 1000) / 1000.0).toList());
		chart.put("accuracyNaive", accuracy.stream().map(a -> a.naive() == null ? null : Math.round(a.naive() * 1000) / 1000.0).toList());
		return chart;
	}

}
