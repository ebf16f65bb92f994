package com.linli.leader.internal.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.leader.CommissionManagement;
import com.linli.leader.CommissionScheme;
import com.linli.leader.LeaderManagement;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Commission pages: the leader's month and ledger on the phone, and the console's scheme editor per
 * region with the leaders' monthly commission.
 */
@Controller
class CommissionPageController {

	private final CommissionManagement commission;

	private final LeaderManagement leaders;

	private final RegionManagement network;

	private final PickupPointManagement pickupPoints;

	private final CategoryManagement catalog;

	private final Clock clock;

	CommissionPageController(CommissionManagement commission, LeaderManagement leaders, RegionManagement network,
			PickupPointManagement pickupPoints,
			CategoryManagement catalog, Clock clock) {
		this.commission = commission;
		this.leaders = leaders;
		this.network = network;
		this.pickupPoints = pickupPoints;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/leader/commission")
	String leaderCommission(@RequestParam(required = false) String month, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var found = leaders.leaderFor(CurrentUser.require().id());
		if (found.isEmpty()) {
			return "leader/commission";
		}
		var leader = found.get();
		YearMonth current = commission.currentMonth(leader.regionId());
		YearMonth shown;
		try {
			shown = Months.parse(month, current);
		}
		catch (InvalidInputException e) {
			shown = current;
		}
		var statement = commission.statement(leader.id(), shown, page, 30);
		model.addAttribute("leader", leader);
		model.addAttribute("current", current);
		model.addAttribute("summary", statement.summary());
		model.addAttribute("months", statement.months());
		model.addAttribute("entries", statement.entries());
		model.addAttribute("categoryNames", commission.categoryNames());
		model.addAttribute("pageUrl", "/leader/commission?month=" + shown);
		return "leader/commission";
	}

	@GetMapping("/console/commission")
	String console(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String month,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		RegionId region = scoped(regionId);
		var scheme = region == null ? commission.defaultScheme() : commission.schemeFor(region);
		return console(region, month, q, page, SchemeForm.of(scheme), model);
	}

	@PostMapping("/console/commission/scheme")
	String saveScheme(Actor actor, @RequestParam(required = false) Long regionId, @RequestParam(defaultValue = "save") String action,
			@ModelAttribute("form") SchemeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		RegionId region = scoped(regionId);
		String back = "redirect:/console/commission" + (region == null ? "" : "?regionId=" + region.value());
		switch (action) {
			case "addBand" -> form.getBands().add(new SchemeForm.BandRow());
			case "addOverride" -> form.getOverrides().add(new SchemeForm.OverrideRow());
			case "useDefault" -> {
				if (region == null) {
					return back;
				}
				commission.useDefaultScheme(actor, region);
				redirect.addFlashAttribute("reset", true);
				return back;
			}
			case "save" -> {
				var bands = form.bands(result);
				var overrides = form.overrides(result);
				if (bands != null && overrides != null) {
					try {
						commission.saveScheme(actor, region, bands, overrides);
						redirect.addFlashAttribute("saved", true);
						return back;
					}
					catch (InvalidInputException e) {
						String field = SchemeForm.formField(e.field());
						if (field.contains("[") && result.getFieldType(field) != null) {
							result.rejectValue(field, e.code(), e.getMessage());
						}
						else {
							result.reject(e.code(), e.getMessage());
						}
					}
				}
			}
			default -> {
				if (action.startsWith("removeBand:")) {
					remove(form.getBands(), action);
				}
				else if (action.startsWith("removeOverride:")) {
					remove(form.getOverrides(), action);
				}
			}
		}
		return console(region, null, null, 0, form, model);
	}

	private String console(RegionId region, String month, String q, int page, SchemeForm form, Model model) {
		var user = CurrentUser.require();
		YearMonth current = YearMonth.now(clock);
		YearMonth shown;
		try {
			shown = Months.parse(month, current);
		}
		catch (InvalidInputException e) {
			shown = current;
			model.addAttribute("monthError", e.getMessage());
		}
		var own = region == null ? null : commission.ownScheme(region).orElse(null);
		CommissionScheme scheme = region == null ? commission.defaultScheme() : own != null ? own : commission.defaultScheme();
		var regions = Scopes.managed(network.regions());
		var monthly = commission.monthly(region == null ? Scopes.listRegions(null) : Set.of(region), shown, q,
				page, 20);
		var points = pickupPoints.pickupPoints(monthly.items().stream().map(m -> m.leader().pickupPointId()).toList());

		model.addAttribute("regions", regions);
		model.addAttribute("regionId", region == null ? null : region.value());
		model.addAttribute("regionName", region == null ? null
				: regions.stream().filter(r -> r.id().equals(region)).map(Region::name).findFirst().orElse(null));
		model.addAttribute("scheme", scheme);
		model.addAttribute("ownScheme", own != null);
		model.addAttribute("editable", region != null || user.isAdmin());
		model.addAttribute("form", form);
		model.addAttribute("categories", categoryOptions());
		model.addAttribute("month", shown);
		model.addAttribute("q", q);
		model.addAttribute("monthly", monthly);
		model.addAttribute("points", points);
		model.addAttribute("maxBands", CommissionScheme.MAX_BANDS);
		var url = UriComponentsBuilder.fromPath("/console/commission");
		if (region != null) {
			url.queryParam("regionId", region.value());
		}
		url.queryParam("month", shown);
		if (q != null && !q.isBlank()) {
			url.queryParam("q", q.strip());
		}
		model.addAttribute("pageUrl", url.encode().build().toUriString());
		return "leader/commission-console";
	}

	/** The region asked for, if the user manages it (403 otherwise); null = the default scheme. */
	private static RegionId scoped(Long regionId) {
		if (regionId == null) {
			return null;
		}
		var region = new RegionId(regionId);
		Scopes.check(region);
		return region;
	}

	/** Categories by tree path ("水果 / 苹果"), for the override picker. */
	private List<CategoryOption> categoryOptions() {
		var all = catalog.categories();
		Map<CategoryId, Category> byId = new HashMap<>();
		all.forEach(c -> byId.put(c.id(), c));
		List<CategoryOption> options = new ArrayList<>();
		for (Category c : all) {
			StringBuilder label = new StringBuilder(c.name());
			var parent = c.parentId() == null ? null : byId.get(c.parentId());
			for (int depth = 0; parent != null && depth < 10; depth++) {
				label.insert(0, parent.name() + " / ");
				parent = parent.parentId() == null ? null : byId.get(parent.parentId());
			}
			options.add(new CategoryOption(c.id().value(), label.toString()));
		}
		options.sort(Comparator.comparing(CategoryOption::label));
		return options;
	}

	private static void remove(List<?> rows, String action) {
		try {
			int index = Integer.parseInt(action.substring(action.indexOf(':') + 1));
			if (index >= 0 && index < rows.size()) {
				rows.remove(index);
			}
		}
		catch (NumberFormatException ignored) {
			// a hand-made request: nothing to remove
		}
	}

	/** A category in the override picker. */
	record CategoryOption(long id, String label) {
	}
}
