package com.linli.marketing.internal.coupons.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.linli.identity.Actor;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.CouponTemplateManagement;
import com.linli.marketing.NewCouponTemplate;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's coupons: templates with issued and used counts, the create form, pause and resume, the push form. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class CouponConsolePageController {

	static final Pattern YUAN = Pattern.compile("^\\d{1,7}(\\.\\d{1,2})?$");

	/** The largest phone list file an operator may upload. */
	static final long MAX_FILE_BYTES = 512 * 1024;

	private final CouponTemplateManagement templates;

	private final RegionManagement regions;

	private final Clock clock;

	CouponConsolePageController(CouponTemplateManagement templates, RegionManagement regions, Clock clock) {
		this.templates = templates;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping("/console/coupons")
	String list(Actor actor, @RequestParam(required = false) Long regionId, Model model) {
		model.addAttribute("rows", templates.list(actor, regionId));
		model.addAttribute("regions", myRegions(actor));
		model.addAttribute("regionNames", regionNames());
		model.addAttribute("regionId", regionId);
		return "marketing/coupons-console";
	}

	@GetMapping("/console/coupons/new")
	String createForm(Actor actor, Model model) {
		List<Region> mine = myRegions(actor);
		Set<Long> regionIds = mine.size() == 1 ? Set.of(mine.get(0).id().value()) : Set.of();
		model.addAttribute("form", blank(regionIds));
		return form(actor, model, Map.of());
	}

	private static CouponForm blank(Set<Long> regionIds) {
		return new CouponForm("", CouponTemplate.Kind.FIXED, "", null, "", "0", CouponTemplate.Scope.ALL, "", regionIds, 7,
				null, null, 1, 1000, true, false, false);
	}

	@PostMapping("/console/coupons/new")
	String create(Actor actor, @ModelAttribute("form") CouponForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		// a number or time that does not parse: said beside its field
		binding.getFieldErrors().forEach(e -> errors.put(e.getField(),
				com.linli.shared.Text.of("marketing.coupons.form.invalid").inReadersLanguage()));
		if (form == null) {
			model.addAttribute("form", blank(Set.of()));
			return form(actor, model, errors);
		}
		Money amount = yuan(form.amount(), "amount", form.kind() == CouponTemplate.Kind.FIXED, errors);
		Money cap = yuan(form.cap(), "cap", false, errors);
		Money threshold = yuan(form.threshold(), "threshold", false, errors);
		Set<Long> scopeIds = ids(form.scopeIds(), errors);
		if (!errors.isEmpty()) {
			return form(actor, model, errors);
		}
		boolean days = form.validDays() != null;
		ZoneId zone = clock.getZone();
		try {
			var t = templates.create(actor, new NewCouponTemplate(form.name(), form.kind(),
					form.kind() == CouponTemplate.Kind.FIXED ? amount : null,
					form.kind() == CouponTemplate.Kind.PERCENT ? form.percentOff() : null,
					form.kind() == CouponTemplate.Kind.PERCENT ? cap : null, threshold, form.scope(), scopeIds,
					form.regionIds(), form.validDays(), days ? null : instant(form.validFrom(), zone),
					days ? null : instant(form.validUntil(), zone), orZero(form.perResidentLimit()),
					orZero(form.totalQuantity()), form.claimable(), form.onRegistration(), form.onFirstOrder()));
			redirect.addFlashAttribute("notice", "created");
			redirect.addFlashAttribute("noticeName", t.name());
			return "redirect:/console/coupons";
		}
		catch (BusinessRuleException e) {
			errors.put(e.field() == null ? "global" : e.field(), e.getMessage());
			return form(actor, model, errors);
		}
	}

	@PostMapping("/console/coupons/{id}/pause")
	String pause(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, "paused", () -> templates.pause(actor, id));
	}

	@PostMapping("/console/coupons/{id}/resume")
	String resume(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, "resumed", () -> templates.resume(actor, id));
	}

	@GetMapping("/console/coupons/{id}/push")
	String pushForm(Actor actor, @PathVariable long id, Model model) {
		model.addAttribute("template", templates.get(actor, id));
		model.addAttribute("phones", "");
		return "marketing/coupons-push";
	}

	@PostMapping("/console/coupons/{id}/push")
	String push(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String phones,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
		String list = phones;
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > MAX_FILE_BYTES) {
				model.addAttribute("failure", "file");
				return pushPage(actor, id, phones, model);
			}
			list = list + "\n" + new String(file.getBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
		}
		try {
			var result = templates.push(actor, id, list);
			redirect.addFlashAttribute("notice", "pushed");
			redirect.addFlashAttribute("noticeName", result.residents());
			return "redirect:/console/coupons";
		}
		catch (BusinessRuleException e) {
			model.addAttribute("error", e.getMessage());
			return pushPage(actor, id, phones, model);
		}
	}

	private String pushPage(Actor actor, long id, String phones, Model model) {
		model.addAttribute("template", templates.get(actor, id));
		model.addAttribute("phones", phones);
		return "marketing/coupons-push";
	}

	private String act(RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (BusinessRuleException | NotFoundException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/coupons";
	}

	private String form(Actor actor, Model model, Map<String, String> errors) {
		model.addAttribute("regions", myRegions(actor));
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", CouponTemplate.Kind.values());
		model.addAttribute("scopes", CouponTemplate.Scope.values());
		return "marketing/coupons-form";
	}

	private List<Region> myRegions(Actor actor) {
		return regions.regions().stream().filter(r -> r.active() && actor.managesRegion(r.id().value())).toList();
	}

	private Map<Long, String> regionNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		regions.regions().forEach(r -> names.put(r.id().value(), r.name()));
		return names;
	}

	private static int orZero(Integer n) {
		return n == null ? 0 : n;
	}

	private static Instant instant(LocalDateTime local, ZoneId zone) {
		return local == null ? null : local.atZone(zone).toInstant();
	}

	private static Money yuan(String text, String field, boolean required, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			if (required) {
				errors.put(field, com.linli.shared.Text.of("marketing.coupons.form.yuanRequired").inReadersLanguage());
			}
			return null;
		}
		if (!YUAN.matcher(text.strip()).matches()) {
			errors.put(field, com.linli.shared.Text.of("marketing.coupons.form.yuanFormat").inReadersLanguage());
			return null;
		}
		return Money.ofYuan(text.strip());
	}

	private static Set<Long> ids(String text, Map<String, String> errors) {
		Set<Long> ids = new HashSet<>();
		if (text == null || text.isBlank()) {
			return ids;
		}
		for (String part : text.split("[,，\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				ids.add(Long.parseLong(part.strip()));
			}
			catch (NumberFormatException e) {
				errors.put("scopeIds", com.linli.shared.Text.of("marketing.coupons.form.idsFormat").inReadersLanguage());
			}
		}
		return ids;
	}

	/** The create form: money in yuan as typed, the window in the platform's zone, scope ids comma-separated. */
	record CouponForm(String name, CouponTemplate.Kind kind, String amount, Integer percentOff, String cap,
			String threshold, CouponTemplate.Scope scope, String scopeIds, Set<Long> regionIds, Integer validDays,
			@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime validFrom,
			@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime validUntil, Integer perResidentLimit,
			Integer totalQuantity, Boolean claimable, Boolean onRegistration, Boolean onFirstOrder) {

		CouponForm {
			regionIds = regionIds == null ? Set.of() : regionIds;
			// an unticked checkbox sends nothing
			claimable = Boolean.TRUE.equals(claimable);
			onRegistration = Boolean.TRUE.equals(onRegistration);
			onFirstOrder = Boolean.TRUE.equals(onFirstOrder);
		}
	}
}
