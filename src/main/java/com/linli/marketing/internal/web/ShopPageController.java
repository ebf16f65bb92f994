package com.linli.marketing.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.linli.identity.CurrentUser;
import com.linli.marketing.ListingId;
import com.linli.marketing.Storefront;
import com.linli.marketing.StorefrontItem;
import com.linli.marketing.StorefrontView;
import com.linli.network.PickupPoint;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The resident's storefront: today's listings at their pickup point, search, and the product page. */
@Controller
class ShopPageController {

	static final int SUGGESTIONS = 8;

	private final Storefront storefront;

	private final RegionManagement network;

	private final ResidentBindingManagement residentBindings;

	private final ShopCards cards;

	private final Clock clock;

	private final List<HomeSection> homeSections;

	private final com.linli.shared.Tracking tracking;

	ShopPageController(Storefront storefront, RegionManagement network, ResidentBindingManagement residentBindings,
			ShopCards cards, Clock clock, org.springframework.beans.factory.ObjectProvider<HomeSection> homeSections,
			com.linli.shared.Tracking tracking) {
		this.tracking = tracking;
		this.homeSections = homeSections.stream().sorted(java.util.Comparator.comparingInt(HomeSection::position)).toList();
		this.storefront = storefront;
		this.network = network;
		this.residentBindings = residentBindings;
		this.cards = cards;
		this.clock = clock;
	}

	@GetMapping("/shop")
	String home(Model model) {
		Optional<PickupPoint> point = myPickupPoint();
		if (point.isEmpty()) {
			return "redirect:/shop/pickup-point";
		}
		Instant now = clock.instant();
		ZoneId zone = zone(point.get());
		StorefrontView view = storefront.openNow(point.get().regionId(), point.get().id(), now);
		track(com.linli.shared.TrackedEvent.Kind.PAGE_VIEW, now, point.get());
		model.addAttribute("point", point.get());
		model.addAttribute("pickupFrom", cards.text(new Wording.Text("shop.pickupFrom", Wording.HH_MM.format(point.get().opensAt()))));
		model.addAttribute("hot", cards.cards(view.hot(), now, zone));
		model.addAttribute("fresh", cards.cards(view.fresh(), now, zone));
		model.addAttribute("sections", view.sections().stream()
			.map(s -> new Section(s.category() == null ? 0 : s.category().id().value(),
					s.category() == null ? null : s.category().name(), cards.cards(s.items(), now, zone)))
			.toList());
		model.addAttribute("homeSections", homeSections.stream()
			.flatMap(h -> h.model(CurrentUser.require().id(), point.get(), now, zone)
				.map(m -> new HomeSection.Shown(h.template(), m)).stream())
			.toList());
		model.addAttribute("activeTab", "home");
		return "marketing/shop";
	}

	@GetMapping("/shop/search")
	String search(@RequestParam(required = false) String q, Model model) {
		Optional<PickupPoint> point = myPickupPoint();
		if (point.isEmpty()) {
			return "redirect:/shop/pickup-point";
		}
		Instant now = clock.instant();
		String query = q == null ? "" : q.trim();
		if (query.length() > 50) {
			query = query.substring(0, 50);
		}
		List<StorefrontItem> results = query.isEmpty() ? List.of()
				: storefront.search(point.get().regionId(), point.get().id(), query, now);
		if (!query.isEmpty()) {
			tracking.record(event(com.linli.shared.TrackedEvent.Kind.SEARCH, now, point.get()).search(query, results.size()));
		}
		model.addAttribute("point", point.get());
		model.addAttribute("q", query);
		model.addAttribute("results", cards.cards(results, now, zone(point.get())));
		if (results.isEmpty()) {
			model.addAttribute("suggestions", suggestions(storefront.openNow(point.get().regionId(), point.get().id(), now)));
		}
		model.addAttribute("activeTab", "search");
		return "marketing/shop-search";
	}

	@GetMapping("/shop/listings/{id}")
	String product(@PathVariable long id, Model model) {
		StorefrontItem item = storefront.item(new ListingId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Instant now = clock.instant();
		ZoneId zone = network.getRegion(item.listing().regionId()).zone();
		Optional<PickupPoint> point = myPickupPoint();
		tracking.record(com.linli.shared.TrackedEvent.of(com.linli.shared.TrackedEvent.Kind.PRODUCT_VIEW, now,
				CurrentUser.require().id().value(), com.linli.shared.TrackedEvent.Client.H5)
			.at(point.map(p -> p.id().value()).orElse(null), item.listing().regionId().value())
			.product(item.listing().id().value(), item.listing().skuId().value()));
		model.addAttribute("item", item);
		model.addAttribute("card", cards.card(item, now, zone));
		model.addAttribute("phase", item.listing().phaseAt(now).name());
		model.addAttribute("point", point.orElse(null));
		model.addAttribute("pickupDate", pickupDate(item.listing().pickupDate(), LocalDate.ofInstant(now, zone)));
		model.addAttribute("cutoffAt", item.listing().cutoffAt().atZone(zone).toLocalDateTime());
		model.addAttribute("opensAt", item.listing().opensAt().atZone(zone).toLocalDateTime());
		model.addAttribute("otherRegion", point.isPresent() && !point.get().regionId().equals(item.listing().regionId()));
		model.addAttribute("activeTab", "home");
		return "marketing/shop-product";
	}

	/** "明天 · 3月10日 周二": the date with its weekday, and the near day in words. */
	private String pickupDate(LocalDate date, LocalDate today) {
		Locale locale = LocaleContextHolder.getLocale();
		String formatted = DateTimeFormatter.ofPattern(cards.text(new Wording.Text("shop.dayPattern")), locale)
			.format(date);
		Wording.Text relative = Wording.relativeDay(date, today);
		return relative == null ? formatted : cards.text(relative) + " · " + formatted;
	}

	/** Category names and best sellers of what is open now: something worth searching for. */
	private static List<String> suggestions(StorefrontView view) {
		Set<String> words = new LinkedHashSet<>();
		view.hot().forEach(i -> words.add(i.sku().productName()));
		view.sections().forEach(s -> {
			if (s.category() != null) {
				words.add(s.category().name());
			}
		});
		return words.stream().limit(SUGGESTIONS).toList();
	}

	/** The resident's pickup point while it is open; a closed one sends them to choose again. */
	private Optional<PickupPoint> myPickupPoint() {
		return residentBindings.pickupPointOf(CurrentUser.require().id()).filter(PickupPoint::active);
	}

	private void track(com.linli.shared.TrackedEvent.Kind kind, Instant now, PickupPoint point) {
		tracking.record(event(kind, now, point));
	}

	/** The resident's event at their pickup point, from the H5 storefront. */
	private static com.linli.shared.TrackedEvent event(com.linli.shared.TrackedEvent.Kind kind, Instant now, PickupPoint point) {
		return com.linli.shared.TrackedEvent.of(kind, now, CurrentUser.require().id().value(), com.linli.shared.TrackedEvent.Client.H5)
			.at(point.id().value(), point.regionId().value());
	}

	private ZoneId zone(PickupPoint point) {
		return network.getRegion(point.regionId()).zone();
	}

	/** A category section of the storefront page; {@code name} null for uncategorised listings. */
	record Section(long id, String name, List<ShopCard> cards) {
	}
}
