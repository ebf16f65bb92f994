package com.linli.analytics.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.linli.analytics.internal.alerts.AlertCondition;
import com.linli.analytics.internal.alerts.MetricAlertManagement;
import com.linli.analytics.internal.cohorts.CohortManagement;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.analytics.internal.rfm.Segment;
import com.linli.analytics.internal.rfm.SegmentManagement;
import com.linli.analytics.internal.rfm.SegmentManagement.PushKind;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console pages of RFM segments (with push and CSV export), the cohort triangle and the alerts. */
@Controller
class SegmentPageController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SegmentManagement segments;

	private final CohortManagement cohorts;

	private final MetricAlertManagement alerts;

	private final RegionManagement regions;

	private final MessageSource texts;

	SegmentPageController(SegmentManagement segments, CohortManagement cohorts, MetricAlertManagement alerts,
			RegionManagement regions, MessageSource texts) {
		this.segments = segments;
		this.cohorts = cohorts;
		this.alerts = alerts;
		this.regions = regions;
		this.texts = texts;
	}

	/** The actor's regions and the chosen one (the first when none or another is asked); null when they have none. */
	private Region region(Actor actor, Long regionId, Model model) {
		List<Region> mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		if (regionId != null) {
			actor.checkRegion(regionId);
		}
		Region region = mine.stream().filter(r -> regionId != null && r.id().value() == regionId).findFirst()
			.orElse(mine.isEmpty() ? null : mine.get(0));
		model.addAttribute("regions", mine);
		model.addAttribute("region", region);
		return region;
	}

	@GetMapping("/console/analytics/segments")
	String segments(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String segment, Model model) {
		Region region = region(actor, regionId, model);
		model.addAttribute("segments", Segment.values());
		if (region == null) {
			return "analytics/segments";
		}
		var overview = segments.overview(actor, region.id(), 90);
		model.addAttribute("overview", overview);
		Segment chosen = segment == null ? Segment.CHAMPIONS : Segment.parse(segment);
		model.addAttribute("chosen", chosen);
		model.addAttribute("members", overview.day() == null ? List.of() : segments.residents(actor, region.id(), chosen));
		model.addAttribute("pushes", segments.pushes(actor, region.id()));
		model.addAttribute("trendJson", trendJson(overview));
		model.addAttribute("clientKey", java.util.UUID.randomUUID().toString());
		return "analytics/segments";
	}

	/** Days on the x axis, one line per segment (residents). */
	private String trendJson(SegmentManagement.Overview overview) {
		var days = new TreeSet<LocalDate>();
		overview.segments().forEach(s -> s.trend().forEach(t -> days.add(t.day())));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("days", days.stream().map(LocalDate::toString).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		var locale = LocaleContextHolder.getLocale();
		for (var s : overview.segments()) {
			Map<LocalDate, Long> byDay = new LinkedHashMap<>();
			s.trend().forEach(t -> byDay.put(t.day(), t.residents()));
			series.add(Map.of("name", texts.getMessage(s.segment().labelKey(), null, locale), "data",
					days.stream().map(d -> byDay.getOrDefault(d, 0L)).toList()));
		}
		chart.put("series", series);
		return JSON.writeValueAsString(chart);
	}

	@GetMapping("/console/analytics/segments/{segment}.csv")
	ResponseEntity<byte[]> export(Actor actor, @PathVariable String segment, @RequestParam long regionId) {
		Segment s = Segment.parse(segment);
		var locale = LocaleContextHolder.getLocale();
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", List.of(t("analytics.rfm.resident", locale), t("analytics.rfm.phone", locale),
				t("analytics.rfm.recency", locale), t("analytics.rfm.orders", locale), t("analytics.rfm.monetary", locale),
				"R", "F", "M"))).append('\n');
		for (var m : segments.residents(actor, new RegionId(regionId), s)) {
			csv.append(m.residentId()).append(',').append(m.phone()).append(',').append(m.recencyDays()).append(',')
				.append(m.orders()).append(',').append(m.monetaryFen() / 100).append('.')
				.append(String.format("%02d", m.monetaryFen() % 100)).append(',').append(m.r()).append(',')
				.append(m.f()).append(',').append(m.m()).append('\n');
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"segment-" + s.name().toLowerCase() + "-"
					+ regionId + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/console/analytics/segments/{segment}/push")
	String push(Actor actor, @PathVariable String segment, @RequestParam long regionId, @RequestParam PushKind kind,
			@RequestParam(required = false) Long couponTemplateId, @RequestParam(required = false) String text,
			@RequestParam String clientKey, RedirectAttributes redirect) {
		var push = segments.push(actor, new RegionId(regionId), Segment.parse(segment), kind, couponTemplateId, text,
				clientKey);
		redirect.addFlashAttribute("pushed", push.residents());
		return "redirect:/console/analytics/segments?regionId=" + regionId + "&segment=" + push.segment().name();
	}

	@GetMapping("/console/analytics/cohorts")
	String cohorts(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(defaultValue = "12") int weeks, Model model) {
		Region region = region(actor, regionId, model);
		model.addAttribute("weeks", Math.max(1, Math.min(weeks, CohortManagement.MAX_WEEKS)));
		if (region != null) {
			var triangle = cohorts.triangle(actor, region.id(), Math.max(1, Math.min(weeks, CohortManagement.MAX_WEEKS)),
					null);
			model.addAttribute("triangle", triangle);
			List<List<Object>> cells = new ArrayList<>();
			var list = triangle.cohorts();
			for (int y = 0; y < list.size(); y++) {
				var c = list.get(y);
				for (int k = 1; k <= c.retained().size(); k++) {
					cells.add(List.<Object>of(k - 1, y, Math.round(c.share(k) * 1000) / 10.0));
				}
			}
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("weeks", list.stream().map(c -> c.week().toString() + " (" + c.residents() + ")").toList());
			List<String> offsets = new ArrayList<>();
			for (int k = 1; k <= triangle.weeks(); k++) {
				offsets.add("+" + k);
			}
			chart.put("offsets", offsets);
			chart.put("cells", cells);
			model.addAttribute("cohortJson", JSON.writeValueAsString(chart));
		}
		return "analytics/cohorts";
	}

	@GetMapping("/console/analytics/alerts")
	String alerts(Actor actor, @RequestParam(required = false) Long regionId, Model model) {
		Region region = region(actor, regionId, model);
		model.addAttribute("metrics", alerts.watchable());
		model.addAttribute("kinds", PeriodKind.values());
		model.addAttribute("conditions", AlertCondition.values());
		if (region != null) {
			model.addAttribute("rules", alerts.rules(actor, region.id()));
			model.addAttribute("history", alerts.history(actor, region.id(), false));
		}
		return "analytics/alerts";
	}

	@PostMapping("/console/analytics/alert-rules")
	String createRule(Actor actor, @RequestParam long regionId, @RequestParam String metricKey,
			@RequestParam(required = false) Long pickupPointId, @RequestParam PeriodKind periodKind,
			@RequestParam AlertCondition condition, @RequestParam double threshold, @RequestParam String name) {
		alerts.create(actor, new MetricAlertManagement.NewRule(regionId, metricKey, pickupPointId, periodKind, condition,
				threshold, name));
		return "redirect:/console/analytics/alerts?regionId=" + regionId;
	}

	@PostMapping("/console/analytics/alert-rules/{id}/enabled")
	String setEnabled(Actor actor, @PathVariable long id, @RequestParam long regionId, @RequestParam boolean enabled) {
		alerts.setEnabled(actor, id, enabled);
		return "redirect:/console/analytics/alerts?regionId=" + regionId;
	}

	@PostMapping("/console/analytics/alerts/{id}/ack")
	String acknowledge(Actor actor, @PathVariable long id, @RequestParam long regionId) {
		alerts.acknowledge(actor, id);
		return "redirect:/console/analytics/alerts?regionId=" + regionId;
	}

	private String t(String key, java.util.Locale locale) {
		return texts.getMessage(key, null, locale);
	}
}
