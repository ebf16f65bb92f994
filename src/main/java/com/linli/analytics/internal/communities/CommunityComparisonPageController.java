package com.linli.analytics.internal.communities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.catalog.CategoryManagement;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.export.Spreadsheets;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The community comparison page: the ranked table, the scatter, the Excel export and the age-mix form. */
@Controller
class CommunityComparisonPageController {

	private final CommunityComparison comparison;

	private final RegionCommunities communities;

	private final RegionManagement regions;

	private final CategoryManagement categories;

	private final MessageSource messages;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	CommunityComparisonPageController(CommunityComparison comparison, RegionCommunities communities,
			RegionManagement regions, CategoryManagement categories, MessageSource messages, Clock clock) {
		this.comparison = comparison;
		this.communities = communities;
		this.regions = regions;
		this.categories = categories;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/console/analytics/communities")
	String page(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to, Model model) {
		var mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		Region region = regionId == null ? (mine.isEmpty() ? null : mine.get(0)) : regions.getRegion(new RegionId(regionId));
		LocalDate end = to != null ? to : LocalDate.now(clock).plusDays(1);
		LocalDate start = from != null ? from : end.minusDays(29);
		model.addAttribute("regions", mine);
		model.addAttribute("region", region);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		if (region == null) {
			return "analytics/communities";
		}
		try {
			var rows = comparison.compare(actor, region.id(), start, end);
			model.addAttribute("rows", rows);
			model.addAttribute("categoryNames", categoryNames());
			model.addAttribute("profiled", communities.communities(region.id()));
			model.addAttribute("scatterJson", json.writeValueAsString(rows.stream()
				.filter(r -> r.penetration() != null && r.averageOrderFen() != null)
				.map(r -> Map.of("name", r.name() + " · " + r.communityName(), "penetration", r.penetration(),
						"aovYuan", r.averageOrderFen() / 100.0))
				.toList()));
		}
		catch (InvalidInputException e) {
			model.addAttribute("failure", e.getMessage());
		}
		return "analytics/communities";
	}

	@PostMapping("/console/analytics/communities/{id}/profile")
	String profile(Actor actor, @PathVariable long id, @RequestParam long regionId, @RequestParam int youngPercent,
			@RequestParam int middlePercent, @RequestParam int seniorPercent, RedirectAttributes flash) {
		try {
			comparison.recordProfile(actor, id, youngPercent, middlePercent, seniorPercent);
			flash.addFlashAttribute("saved", true);
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/analytics/communities?regionId=" + regionId;
	}

	@GetMapping("/console/analytics/communities.xlsx")
	ResponseEntity<byte[]> export(Actor actor, @RequestParam long regionId,
			@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
		var rows = comparison.compare(actor, new RegionId(regionId), from, to);
		var names = categoryNames();
		var locale = LocaleContextHolder.getLocale();
		String title = messages.getMessage("analytics.communities.title", null, locale);
		byte[] body = Spreadsheets.write(workbook -> {
			var ws = workbook.newWorksheet(Spreadsheets.sheetName(title));
			Spreadsheets.header(ws, 0, List.of("pickupPoint", "community", "type", "households", "residents", "orders",
					"paid", "penetration", "aov", "frequency", "growth", "topCategory").stream()
				.map(k -> messages.getMessage("analytics.communities.col." + k, null, locale)).toArray(String[]::new));
			int r = 1;
			for (var row : rows) {
				ws.value(r, 0, row.name());
				ws.value(r, 1, row.communityName());
				ws.value(r, 2, row.type() == null ? "" : messages.getMessage("network.communityType." + row.type(), null, locale));
				ws.value(r, 3, row.households());
				ws.value(r, 4, row.residents());
				ws.value(r, 5, row.orders());
				ws.value(r, 6, row.paidFen() / 100.0);
				if (row.penetration() != null) {
					ws.value(r, 7, row.penetration());
					ws.style(r, 7).format("0.0%").set();
				}
				if (row.averageOrderFen() != null) {
					ws.value(r, 8, row.averageOrderFen() / 100.0);
				}
				if (row.frequency() != null) {
					ws.value(r, 9, row.frequency());
				}
				if (row.growth() != null) {
					ws.value(r, 10, row.growth());
					ws.style(r, 10).format("0.0%").set();
				}
				if (!row.categoryMix().isEmpty()) {
					var top = row.categoryMix().get(0);
					ws.value(r, 11, names.getOrDefault(top.categoryId(), "#" + top.categoryId()) + " "
							+ Math.round(top.share() * 100) + "%");
				}
				r++;
			}
			Spreadsheets.widths(ws, 20, 20, 12, 10, 10, 10, 12, 10, 10, 10, 10, 18);
		});
		return Spreadsheets.file(body, title + "-" + from + "-" + to + ".xlsx", Spreadsheets.XLSX);
	}

	private Map<Long, String> categoryNames() {
		Map<Long, String> names = new HashMap<>();
		categories.categories().forEach(c -> names.put(c.id().value(), c.name()));
		return names;
	}
}
