package com.linli.marketing.internal.flash.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.marketing.FlashSale;
import com.linli.marketing.FlashSaleManagement;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingSearch;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.NewFlashSale;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's flash sales of a region: the running and upcoming ones, and the form to make one. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class FlashSalePageController {

	private final FlashSaleManagement sales;

	private final ListingManagement listings;

	private final RegionManagement network;

	private final SkuManagement catalog;

	private final Clock clock;

	FlashSalePageController(FlashSaleManagement sales, ListingManagement listings, RegionManagement network,
			SkuManagement catalog, Clock clock) {
		this.sales = sales;
		this.listings = listings;
		this.network = network;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A row of the list: the sale, its listing and product, the times in the region's zone. */
	record Row(FlashSale sale, Listing listing, Sku sku, LocalDateTime startsAt, LocalDateTime endsAt, String phase) {
	}

	/** A listing the form offers. */
	record Option(long id, String label) {
	}

	@GetMapping("/console/flash-sales")
	String list(Actor actor, @RequestParam(required = false) Long regionId, Model model) {
		List<Region> regions = network.regions().stream().filter(r -> r.active() && actor.managesRegion(r.id().value()))
			.toList();
		Region region = regions.stream().filter(r -> regionId == null || r.id().value() == regionId).findFirst().orElse(null);
		model.addAttribute("regions", regions);
		model.addAttribute("region", region);
		if (region == null) {
			model.addAttribute("rows", List.of());
			model.addAttribute("options", List.of());
			return "marketing/flash-sales";
		}
		Instant now = clock.instant();
		ZoneId zone = region.zone();
		List<FlashSale> found = sales.notEnded(actor, region.id());
		Map<ListingId, Listing> byId = listings.listings(found.stream().map(FlashSale::listing).toList());
		var open = listings.search(actor, new ListingSearch(region.id(), null, ListingStatus.ACTIVE, null), 0, 100).items()
			.stream().filter(l -> l.isEditableAt(now)).toList();
		Map<SkuId, Sku> skus = catalog.skus(java.util.stream.Stream.concat(byId.values().stream(), open.stream())
			.map(Listing::skuId).distinct().toList());
		model.addAttribute("rows", found.stream().filter(s -> byId.containsKey(s.listing())).map(s -> {
			Listing l = byId.get(s.listing());
			return new Row(s, l, skus.get(l.skuId()), LocalDateTime.ofInstant(s.startsAt(), zone),
					LocalDateTime.ofInstant(s.endsAt(), zone), s.runningAt(now) ? "RUNNING" : "UPCOMING");
		}).toList());
		model.addAttribute("options", open.stream().map(l -> new Option(l.id().value(),
				(skus.containsKey(l.skuId()) ? skus.get(l.skuId()).productName() + " " + skus.get(l.skuId()).spec() : "#" + l.id())
						+ " · ¥" + l.groupPrice() + " · " + l.pickupDate())).toList());
		model.addAttribute("defaultStart", LocalDateTime.ofInstant(now, zone).plusHours(1).truncatedTo(ChronoUnit.HOURS));
		return "marketing/flash-sales";
	}

	@PostMapping("/console/flash-sales")
	String save(Actor actor, @RequestParam long regionId, @RequestParam long listingId, @RequestParam String flashPrice,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@RequestParam(defaultValue = "0") int earlyAccessMinutes, @RequestParam(required = false) Integer earlyAccessRank,
			RedirectAttributes flash) {
		try {
			ZoneId zone = network.getRegion(new RegionId(regionId)).zone();
			Money price;
			try {
				price = Money.ofYuan(new BigDecimal(flashPrice.strip()));
			}
			catch (NumberFormatException | ArithmeticException e) {
				price = null;
			}
			sales.save(actor, new NewFlashSale(new ListingId(listingId), price, startsAt.atZone(zone).toInstant(), null,
					earlyAccessMinutes, earlyAccessRank));
			flash.addFlashAttribute("notice", "saved");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/flash-sales?regionId=" + regionId;
	}
}
