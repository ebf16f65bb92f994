package com.linli.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.Actor;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.inventory.internal.Alerts;
import com.linli.inventory.internal.Clearances;
import com.linli.marketing.Listing;

import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.NewListing;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clearance of overstocked or near-expiry stock: a suggested listing at 20-40% off the SKU's last listing
 * price in the region, capped at the units to clear, for the next pickup days (before the batch expires);
 * for overstock with a best seller in the region, a bundle suggestion naming it. The operator accepts with
 * one click and marketing publishes the listing; accepting again returns the same listing.
 */
@Service
@Transactional(readOnly = true)
public class ClearanceManagement {

	/** How far back to look for the last listing price. */
	static final int PRICE_LOOKBACK_DAYS = 60;

	static final int PER_RESIDENT_LIMIT = 5;

	private final Clearances clearances;

	private final Alerts alerts;

	private final ListingManagement listings;

	private final SkuManagement catalog;

	private final RegionManagement network;

	private final WarehouseManagement warehouses;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClearanceManagement(Clearances clearances, Alerts alerts, ListingManagement listings, SkuManagement catalog,
			RegionManagement network, WarehouseManagement warehouses, ApplicationEventPublisher events, Clock clock) {
		this.clearances = clearances;
		this.alerts = alerts;
		this.listings = listings;
		this.catalog = catalog;
		this.network = network;
		this.warehouses = warehouses;
		this.events = events;
		this.clock = clock;
	}

	/** Suggests a clearance for an overstock or near-expiry alert; nothing when no price or no day is left. */
	@Transactional
	void suggest(StockAlert alert) {
		Region region = network.getRegion(alert.regionId());
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		LocalDate first = firstPickupDateOnSale(region);
		LocalDate last;
		long daysLeft = Long.MAX_VALUE;
		if (alert.kind() == AlertKind.NEAR_EXPIRY) {
			// the goods must still be good on the pickup day
			last = alert.expiresOn().minusDays(1);
			daysLeft = ChronoUnit.DAYS.between(today, alert.expiresOn());
			if (last.isBefore(first)) {
				return;
			}
			if (last.isAfter(first.plusDays(2))) {
				last = first.plusDays(2);
			}
		}
		else {
			last = first.plusDays(3);
		}
		Optional<Listing> previous = lastListing(region, alert.skuId(), today);
		if (previous.isEmpty()) {
			return;
		}
		Money base = previous.get().groupPrice();
		InventorySettings settings = alerts.settings();
		int percent = Clearance.discountPercent(alert.kind(), daysLeft, alert.daysOfCover(), settings.overstockDays());
		Money price = Clearance.discounted(base, percent);
		if (!base.isGreaterThan(price)) {
			return;
		}
		int cap = (int) Math.min(Math.max(alert.units(), 1), 100_000);
		SkuId bundle = null;
		String bundleName = null;
		if (alert.kind() == AlertKind.OVERSTOCK) {
			Collection<com.linli.network.WarehouseId> ids = warehouses.warehouses(region.id()).stream().map(Warehouse::id)
				.toList();
			Instant since = clock.instant().minus(Duration.ofDays(settings.salesWindowDays()));
			Optional<SkuId> best = alerts.bestSeller(ids, since, alert.skuId());
			if (best.isPresent()) {
				bundle = best.get();
				bundleName = catalog.getSku(bundle).displayName();
			}
		}
		clearances.insert(new Clearance(0, alert.id(), bundle == null ? Clearance.Kind.DISCOUNT : Clearance.Kind.BUNDLE,
				region.id(), alert.skuId(), base, percent, price, cap, first, last, bundle, bundleName, false, null),
				clock.instant());
	}

	/** The suggestions of these alerts, by alert id. */
	public Map<Long, Clearance> forAlerts(Collection<Long> alertIds) {
		return alertIds.isEmpty() ? Map.of() : clearances.forAlerts(alertIds);
	}

	public Clearance get(long id, Actor actor) {
		Clearance c = clearances.find(id).orElseThrow(() -> new NotFoundException("clearance", id));
		Scope.checkRegion(c.regionId(), actor);
		return c;
	}

	/**
	 * Publishes the suggested listing for the first free pickup day of its window (one active listing per
	 * SKU, region and day). The suggestion row is locked, so two clicks make one listing.
	 */
	@Transactional
	public Clearance accept(long id, Actor actor) {
		Clearance c = clearances.lock(id).orElseThrow(() -> new NotFoundException("clearance", id));
		Scope.checkRegion(c.regionId(), actor);
		if (c.accepted()) {
			return c;
		}
		Region region = network.getRegion(c.regionId());
		LocalDate first = firstPickupDateOnSale(region);
		LocalDate day = c.pickupDate().isBefore(first) ? first : c.pickupDate();
		for (; !day.isAfter(c.lastPickupDate()); day = day.plusDays(1)) {
			LocalDate d = day;
			boolean taken = listings.listingsFor(region.id(), d).stream()
				.anyMatch(l -> l.skuId().equals(c.skuId()) && l.status() == ListingStatus.ACTIVE);
			if (!taken) {
				break;
			}
		}
		if (day.isAfter(c.lastPickupDate())) {
			throw new BusinessRuleException("clearance-expired", Text.of("inventory.problem.noPickupDaySuggestionFreeLeft"));
		}
		Listing listing = listings.publish(actor, new NewListing(region.id(), c.skuId(), c.price(), c.basePrice(), c.cap(),
				Math.min(PER_RESIDENT_LIMIT, c.cap()), null, null, day));
		clearances.accepted(id, listing.id(), actor.accountIdOrNull(), clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "inventory.clearance.accept", "clearance:" + id,
				"listing:" + listing.id() + " " + c.discountPercent() + "% off cap=" + c.cap()));
		return clearances.find(id).orElseThrow();
	}

	/** Tomorrow, unless tomorrow's cutoff (the evening before, today) has passed: then the day after. */
	private LocalDate firstPickupDateOnSale(Region region) {
		LocalDate tomorrow = LocalDate.now(clock.withZone(region.zone())).plusDays(1);
		return listings.defaultCutoff(region.id(), tomorrow).isAfter(clock.instant()) ? tomorrow : tomorrow.plusDays(1);
	}

	private Optional<Listing> lastListing(Region region, SkuId sku, LocalDate today) {
		for (LocalDate d = today.plusDays(7); !d.isBefore(today.minusDays(PRICE_LOOKBACK_DAYS)); d = d.minusDays(1)) {
			Optional<Listing> found = listings.listingsFor(region.id(), d).stream().filter(l -> l.skuId().equals(sku))
				.max(Comparator.comparing((Listing l) -> l.createdAt()));
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}
}
