package com.linli.inventory.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.inventory.DailyDemand;
import com.linli.inventory.ForecastAccuracy;
import com.linli.inventory.ForecastJobStatus;
import com.linli.inventory.ForecastManagement;
import com.linli.inventory.ForecastPoint;
import com.linli.inventory.ForecastView;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demand forecasts for staff: record demand history, a SKU's forecast with its listing cap and
 * purchase suggestion, a region's daily accuracy beside seasonal-naive, and the forecasting job.
 */
@RestController
@RequestMapping("/api/forecasts")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "forecasts", description = "Demand forecasts (需求预测), accuracy 1 − WAPE beside seasonal-naive")
class ForecastRestController {

	private final ForecastManagement forecasts;

	ForecastRestController(ForecastManagement forecasts) {
		this.forecasts = forecasts;
	}

	record RecordDemand(@NotNull Long regionId, @NotNull Long skuId, @NotNull LocalDate date,
			@NotNull @Min(0) @Max(10_000_000) Long units, Boolean promoted) {
	}

	record DemandView(long regionId, long skuId, String skuName, LocalDate date, long units, boolean promoted) {

		static DemandView of(DailyDemand d) {
			return new DemandView(d.regionId().value(), d.skuId().value(), d.skuName(), d.date(), d.units(), d.promoted());
		}
	}

	record PointView(LocalDate date, Long actualUnits, Double forecastUnits, Double expectedUnits, Double naiveUnits,
			boolean promoted) {

		static PointView of(ForecastPoint p) {
			return new PointView(p.date(), p.actualUnits(), p.forecastUnits(), p.expectedUnits(), p.naiveUnits(),
					p.promoted());
		}
	}

	record ForecastResponse(long regionId, long skuId, String skuName, LocalDate issuedOn, List<PointView> history,
			List<PointView> ahead, double buffer, long suggestedCap, long purchaseSuggestion,
			long centralAvailable, long purchaseNet) {

		static ForecastResponse of(ForecastView v) {
			return new ForecastResponse(v.regionId().value(), v.skuId().value(), v.skuName(), v.issuedOn(),
					v.history().stream().map(PointView::of).toList(), v.ahead().stream().map(PointView::of).toList(),
					v.buffer(), v.suggestedCap(), v.purchaseSuggestion(),
					v.centralAvailable(), v.purchaseNet());
		}
	}

	record JobView(boolean running, int percent, Instant startedAt, Instant finishedAt, int regions, int series,
			String lastError) {

		static JobView of(ForecastJobStatus s) {
			return new JobView(s.running(), s.percent(), s.startedAt(), s.finishedAt(), s.regions(), s.series(),
					s.lastError());
		}
	}

	@PutMapping("/demand")
	@Operation(summary = "Record (or correct) the units of a SKU ordered in a region for a pickup date (history "
			+ "from before Linli); cutoffs record their demand themselves")
	DemandView record(@Valid @RequestBody RecordDemand request, Actor actor) {
		return DemandView.of(forecasts.recordDemand(new RegionId(request.regionId()), new SkuId(request.skuId()),
				request.date(), request.units(), Boolean.TRUE.equals(request.promoted()), actor));
	}

	@GetMapping("/regions/{regionId}/skus/{skuId}")
	@Operation(summary = "A SKU's recent demand and forecasts, the next 7 days' forecast, the suggested listing cap "
			+ "(forecast × buffer) and the week's purchase suggestion")
	ForecastResponse forecast(@PathVariable long regionId, @PathVariable long skuId, Actor actor) {
		return ForecastResponse.of(forecasts.forecast(new RegionId(regionId), new SkuId(skuId), actor));
	}

	record PointForecastView(long pickupPointId, String pickupPointName, LocalDate issuedOn, String method,
			List<com.linli.inventory.DemandOutlook.Day> days) {

		static PointForecastView of(com.linli.inventory.PointOutlook p) {
			return new PointForecastView(p.pickupPointId().value(), p.pickupPointName(), p.issuedOn(), p.method(), p.days());
		}
	}

	@GetMapping("/regions/{regionId}/skus/{skuId}/points")
	@Operation(summary = "A SKU's forecast per pickup point for the next days (expected units, 0.5/0.8/0.95 quantiles), "
			+ "reconciled so the points sum to the region's expected units; method 'share' where a point took its share")
	List<PointForecastView> points(@PathVariable long regionId, @PathVariable long skuId,
			@RequestParam(defaultValue = "7") int days, Actor actor) {
		return forecasts.pointOutlook(new RegionId(regionId), new SkuId(skuId), days, actor).stream()
			.map(PointForecastView::of)
			.toList();
	}

	@GetMapping("/regions/{regionId}/methods")
	@Operation(summary = "Accuracy (1 − WAPE) of Linli and of every baseline (seasonal naive, 28-day mean, ...) in a "
			+ "region over the last days, on the same scored days")
	List<com.linli.inventory.MethodAccuracy> methods(@PathVariable long regionId,
			@RequestParam(defaultValue = "28") int days, Actor actor) {
		return forecasts.methodAccuracy(new RegionId(regionId), days, actor);
	}

	@GetMapping("/regions/{regionId}/accuracy")
	@Operation(summary = "Accuracy (1 − WAPE) per day of Linli's forecasts and of seasonal-naive in a region")
	List<ForecastAccuracy> accuracy(@PathVariable long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Actor actor) {
		return forecasts.accuracy(new RegionId(regionId), from, to, actor);
	}

	@PostMapping("/runs")
	@Operation(summary = "Run the forecasting job now, for one region or every region the caller manages (it works in "
			+ "the background: poll GET /api/forecasts/runs/current)")
	ResponseEntity<JobView> start(@RequestParam(required = false) Long regionId, Actor actor) {
		return ResponseEntity.accepted()
			.body(JobView.of(forecasts.startJob(regionId == null ? null : new RegionId(regionId), actor)));
	}

	@GetMapping("/history.csv")
	@Operation(summary = "The demand history of every region as CSV date,store,item,quantity (store R<region id>, "
			+ "item SKU<id>): the input of the backtest command ForecastBacktest")
	void history(jakarta.servlet.http.HttpServletResponse response, Actor actor) throws java.io.IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"linli-demand-history.csv\"");
		var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(),
				java.nio.charset.StandardCharsets.UTF_8));
		forecasts.exportHistory(out::println, actor);
		out.flush();
	}

	@GetMapping("/runs/current")
	@Operation(summary = "The forecasting job: running or not, percent done, what the last run did")
	JobView status() {
		return JobView.of(forecasts.jobStatus());
	}
}
