package com.linli.marketing.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingChanges;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingPhase;
import com.linli.marketing.ListingSearch;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.ListingTerms;
import com.linli.marketing.NewListing;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's listings: the list with filters, the publish and edit forms, withdrawal. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class ListingPageController {

	static final int PAGE_SIZE = 20;

	static final Pattern YUAN = Pattern.compile("^\\d{1,7}(\\.\\d{1,2})?$");

	static final Set<String> FORM_FIELDS = Set.of("regionId", "skuId", "groupPrice", "listPrice", "stockCap",
			"perResidentLimit", "opensAt", "cutoffAt", "pickupDate");

	private final ListingManagement listings;

	private final RegionManagement network;

	private final SkuManagement catalog;

	private final Clock clock;

	ListingPageController(ListingManagement listings, RegionManagement network, SkuManagement catalog,
			Clock clock) {
		this.listings = listings;
		this.network = network;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/console/listings")
	String list(Actor actor, @RequestParam(required = false) Long regionId, @RequestParam(required = false) String pickupDate,
			@RequestParam(required = false) ListingStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		// no parameter: tomorrow's pickup; an empty one: every date
		LocalDate date = pickupDate == null ? tomorrow() : parseDate(pickupDate);
		List<Region> regions = myRegions();
		RegionId region = regionId == null ? null : new RegionId(regionId);
		Page<Listing> result = listings.search(actor, new ListingSearch(region, date, status, q), page, PAGE_SIZE);
		Map<SkuId, Sku> skus = catalog.skus(result.items().stream().map(Listing::skuId).distinct().toList());
		Map<RegionId, Region> regionsById = new HashMap<>();
		network.regions().forEach(r -> regionsById.put(r.id(), r));
		Instant now = clock.instant();
		model.addAttribute("rows", result.items().stream().map(l -> {
			Region r = regionsById.get(l.regionId());
			ZoneId zone = r == null ? clock.getZone() : r.zone();
			return new Row(l, skus.get(l.skuId()), r == null ? String.valueOf(l.regionId()) : r.name(),
					l.phaseAt(now), l.isEditableAt(now), l.cutoffAt().atZone(zone).toLocalDateTime());
		}).toList());
		model.addAttribute("result", result);
		model.addAttribute("regions", regions);
		model.addAttribute("regionId", regionId);
		model.addAttribute("pickupDate", date);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ListingStatus.values());
		model.addAttribute("q", q);
		return "marketing/listings";
	}

	@GetMapping("/console/listings/new")
	String createForm(@RequestParam(required = false) Long regionId, Model model) {
		List<Region> regions = myRegions();
		Long region = regionId != null ? regionId : regions.size() == 1 ? regions.get(0).id().value() : null;
		LocalDate pickup = tomorrow();
		ZoneId zone = regions.isEmpty() ? clock.getZone() : regions.get(0).zone();
		LocalDateTime opens = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
		LocalDateTime cutoff = pickup.minusDays(1).atTime(ListingTerms.DEFAULT_CUTOFF);
		model.addAttribute("listingForm", new ListingForm(region, null, "", "", null, 5, opens, cutoff, pickup));
		return form(model, null);
	}

	@PostMapping("/console/listings/new")
	String create(Actor actor, @Valid @ModelAttribute("listingForm") ListingForm form, BindingResult result,
			Model model,
			RedirectAttributes redirect) {
		Money group = yuan(form.groupPrice(), "groupPrice", true, result);
		Money list = yuan(form.listPrice(), "listPrice", false, result);
		if (result.hasErrors()) {
			return form(model, null);
		}
		ZoneId zone = zoneOf(form.regionId());
		try {
			var listing = listings.publish(actor, new NewListing(new RegionId(form.regionId()), new SkuId(form.skuId()), group,
					list, form.stockCap(), form.perResidentLimit(), instant(form.opensAt(), zone),
					instant(form.cutoffAt(), zone), form.pickupDate()));
			redirect.addFlashAttribute("notice", "published");
			return "redirect:/console/listings?regionId=" + listing.regionId() + "&pickupDate=" + listing.pickupDate();
		}
		catch (BusinessRuleException e) {
			reject(result, e);
			return form(model, null);
		}
	}

	@GetMapping("/console/listings/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Listing l = listing(id);
		ZoneId zone = zoneOf(l.regionId().value());
		model.addAttribute("listingForm", new ListingForm(l.regionId().value(), l.skuId().value(),
				l.groupPrice().toString(), l.listPrice() == null ? "" : l.listPrice().toString(), l.stockCap(),
				l.perResidentLimit(), LocalDateTime.ofInstant(l.opensAt(), zone),
				LocalDateTime.ofInstant(l.cutoffAt(), zone), l.pickupDate()));
		return form(model, l);
	}

	@PostMapping("/console/listings/{id}/edit")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("listingForm") ListingForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Listing l = listing(id);
		Money group = yuan(form.groupPrice(), "groupPrice", true, result);
		Money list = yuan(form.listPrice(), "listPrice", false, result);
		// region, SKU and pickup date are fixed once published; only the editable fields count
		if (result.getFieldErrors().stream().anyMatch(e -> !Set.of("regionId", "skuId", "pickupDate").contains(e.getField()))) {
			return form(model, l);
		}
		ZoneId zone = zoneOf(l.regionId().value());
		try {
			listings.update(actor, l.id(), new ListingChanges(group, list, form.stockCap(), form.perResidentLimit(),
					instant(form.opensAt(), zone), instant(form.cutoffAt(), zone)));
		}
		catch (BusinessRuleException e) {
			reject(result, e);
			return form(model, l);
		}
		redirect.addFlashAttribute("notice", "updated");
		return "redirect:/console/listings?regionId=" + l.regionId() + "&pickupDate=" + l.pickupDate();
	}

	@PostMapping("/console/listings/{id}/withdraw")
	String withdraw(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		Listing l = listing(id);
		try {
			listings.withdraw(actor, l.id());
			redirect.addFlashAttribute("notice", "withdrawn");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/listings?regionId=" + l.regionId() + "&pickupDate=" + l.pickupDate();
	}

	/** The SKU picker of the publish form (htmx): active SKUs matching the text. */
	@GetMapping("/console/listings/sku-options")
	String skuOptions(@RequestParam(required = false) String q, Model model) {
		String query = q == null ? "" : q.trim();
		List<Sku> options = List.of();
		if (!query.isEmpty()) {
			List<SkuId> ids = catalog.searchSkus(query, 20);
			Map<SkuId, Sku> skus = catalog.skus(ids);
			options = ids.stream().map(skus::get).filter(s -> s != null && s.active()).toList();
		}
		model.addAttribute("options", options);
		model.addAttribute("q", query);
		return "marketing/listing-form :: skuOptions";
	}

	private String form(Model model, Listing listing) {
		model.addAttribute("listing", listing);
		model.addAttribute("regions", myRegions());
		Object form = model.getAttribute("listingForm");
		Sku selected = null;
		if (form instanceof ListingForm f && f.skuId() != null) {
			try {
				selected = catalog.getSku(new SkuId(f.skuId()));
			}
			catch (NotFoundException e) {
				// shown as an error beside the field by the service
			}
		}
		model.addAttribute("selectedSku", selected);
		if (listing != null) {
			model.addAttribute("regionName", network.getRegion(listing.regionId()).name());
		}
		return "marketing/listing-form";
	}

	private Listing listing(long id) {
		var listing = listings.find(new ListingId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		CurrentUser.require().checkManagesRegion(listing.regionId().value());
		return listing;
	}

	private List<Region> myRegions() {
		var me = CurrentUser.require();
		return network.regions().stream().filter(r -> r.active() && me.managesRegion(r.id().value())).toList();
	}

	private ZoneId zoneOf(Long regionId) {
		if (regionId == null) {
			return clock.getZone();
		}
		try {
			return network.getRegion(new RegionId(regionId)).zone();
		}
		catch (NotFoundException e) {
			return clock.getZone();
		}
	}

	private LocalDate tomorrow() {
		return LocalDate.now(clock).plusDays(1);
	}

	private static LocalDate parseDate(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static Instant instant(LocalDateTime local, ZoneId zone) {
		return local == null ? null : local.atZone(zone).toInstant();
	}

	private static Money yuan(String text, String field, boolean required, BindingResult result) {
		if (text == null || text.isBlank()) {
			if (required && !result.hasFieldErrors(field)) {
				result.rejectValue(field, "listing.price.required");
			}
			return null;
		}
		if (!YUAN.matcher(text.trim()).matches()) {
			result.rejectValue(field, "listing.price.format");
			return null;
		}
		return Money.ofYuan(text.trim());
	}

	private static void reject(BindingResult result, BusinessRuleException e) {
		if (e.field() != null && FORM_FIELDS.contains(e.field())) {
			result.rejectValue(e.field(), e.code(), e.getMessage());
		}
		else {
			result.reject(e.code(), e.getMessage());
		}
	}

	/** The publish and edit form, prices in yuan as typed ("12.80"), times in the region's zone. */
	record ListingForm(@NotNull(message = "{listing.region.required}") Long regionId,
			@NotNull(message = "{listing.sku.required}") Long skuId, String groupPrice, String listPrice,
			@NotNull(message = "{listing.required}") Integer stockCap,
			@NotNull(message = "{listing.required}") Integer perResidentLimit,
			@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime opensAt,
			@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime cutoffAt,
			@NotNull(message = "{listing.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pickupDate) {
	}

	/** A line of the console list. */
	record Row(Listing listing, Sku sku, String regionName, ListingPhase phase, boolean editable,
			LocalDateTime cutoffLocal) {
	}
}
