package com.linli.leader.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.CategoryManagement;
import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.leader.CommissionAccrued;
import com.linli.leader.CommissionRate;
import com.linli.leader.CommissionReversed;
import com.linli.leader.CommissionScheme;
import com.linli.leader.Leader;
import com.linli.leader.internal.helpers.HandlingFees;
import com.linli.leader.internal.levels.LevelSchemes;
import com.linli.network.RegionManagement;
import com.linli.network.RegionId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderPickedUp;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the commission ledger from ordering's events.
 *
 * <p>Accrual, per picked-up line: the leader who held the pickup point when it was handed out earns
 * {@code amount × rate} (half-up to the fen), the rate given by the region's scheme (see
 * {@link CommissionScheme}) for the line's category and the leader's month-to-date sales including
 * the line, unless the line's listing set its own rate for the leader (carried on the event). {@code amount} is
 * what the resident actually paid for the units handed out, net of every discount (ordering's
 * {@code PickedUpLine.amount}: the units' portion of the line's paid amount, DESIGN.md 6); month sales add up
 * the same paid amounts. One accrual per line: a redelivered event finds it and writes nothing.
 *
 * <p>Reversal, per refund of picked-up units (whose amount is likewise their portion of what was paid):
 * the refunded units' share of the line's commission,
 * computed on the cumulative units so that refunding every unit gives back exactly what was earned
 * and never more. One reversal per refund reference. A refund that arrives before its line's accrual
 * waits and is applied right after the accrual.
 */
@Component
public class CommissionAccruals {

	private static final Logger log = LoggerFactory.getLogger(CommissionAccruals.class);

	private final Leaders leaders;

	private final CommissionSchemes schemes;

	private final CommissionLedger ledger;

	private final RegionManagement network;

	private final CategoryManagement catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final HandlingFees handlingFees;

	/** The leader's level bands and lower-band penalties (levels); the region's scheme when neither applies. */
	private final LevelSchemes levelSchemes;

	CommissionAccruals(Leaders leaders, CommissionSchemes schemes, CommissionLedger ledger, RegionManagement network,
			CategoryManagement catalog, ApplicationEventPublisher events, Clock clock, HandlingFees handlingFees,
			LevelSchemes levelSchemes) {
		this.handlingFees = handlingFees;
		this.levelSchemes = levelSchemes;
		this.leaders = leaders;
		this.schemes = schemes;
		this.ledger = ledger;
		this.network = network;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** Accrues commission on every line of a pickup not accrued yet; returns how many entries it wrote. */
	@Transactional
	public int accrue(OrderPickedUp pickup) {
		var lines = pickup.lines().stream().filter(l -> !ledger.hasAccrual(l.lineId())).toList();
		if (lines.isEmpty()) {
			return 0;
		}
		// the leader of the point when the goods were handed out; else (a pickup recorded with an earlier
		// time than the leader's appointment, as a replayed history is) the one holding the point now
		Optional<Leader> holder = leaders.holderAt(pickup.pickupPointId(), pickup.pickedUpAt())
			.or(() -> leaders.holderOf(pickup.pickupPointId()));
		if (holder.isEmpty()) {
			log.warn("No leader held pickup point {} at {}: no commission on order {}", pickup.pickupPointId(),
					pickup.pickedUpAt(), pickup.orderNo());
			return 0;
		}
		Leader leader = holder.get();
		if (handlingFees.applies(pickup.pickupPointId())) {
			// a pickup-only point (纯自提点) earns a fixed fee per order instead of commission (helpers, issue 13)
			return handlingFees.earn(leader, pickup);
		}
		lines.stream().map(PickedUpLine::lineId).sorted(Comparator.comparingLong(OrderLineId::value))
			.forEach(ledger::lockLine);
		ledger.lockAccount(leader.id());
		YearMonth month = YearMonth.from(pickup.pickedUpAt().atZone(zone(pickup.regionId())));
		CommissionScheme scheme = levelSchemes.schemeFor(leader, schemes.applying(pickup.regionId()), month,
				pickup.pickedUpAt());
		Map<CategoryId, CategoryId> parents = parents();
		int written = 0;
		for (PickedUpLine line : lines) {
			// checked again under the lock: a concurrent delivery of the same event may have won
			if (ledger.hasAccrual(line.lineId())) {
				continue;
			}
			Money monthSales = ledger.monthSales(leader.id(), month).plus(line.amount());
			var rate = line.commissionRateBasisPoints() != null ? CommissionRate.ofListing(line.commissionRateBasisPoints())
					: scheme.rateFor(path(line.categoryId(), parents), monthSales);
			Money commission = rate.on(line.amount());
			var entry = ledger.insertAccrual(new CommissionLedger.NewAccrual(leader.id(), pickup.orderId(),
					pickup.orderNo(), line.lineId(), line.skuName(), line.categoryId(), line.quantity(), line.amount(),
					rate, monthSales, month, commission, pickup.pickedUpAt(), clock.instant()));
			events.publishEvent(new CommissionAccrued(leader.id(), leader.accountId(), pickup.orderId(), line.lineId(),
					commission, rate.basisPoints(), entry.balanceAfter()));
			written++;
			for (var pending : ledger.takePendingReversals(line.lineId())) {
				written += reverse(line.lineId(), pending.reference(), pending.quantity(), pending.amount()) ? 1 : 0;
			}
		}
		return written;
	}

	/** Reverses the commission share of units refunded after pickup; true when it wrote an entry. */
	@Transactional
	public boolean reverse(OrderLineRefunded refund) {
		if (!refund.afterPickup()) {
			return false;
		}
		String reference = refund.reference() != null ? refund.reference()
				: "line:" + refund.lineId() + ":" + refund.quantity() + ":" + refund.amount().fen();
		ledger.lockLine(refund.lineId());
		if (ledger.accrualOf(refund.lineId()).isEmpty() && handlingFees.applies(refund.pickupPointId())) {
			return false; // a pickup-only point's handling fee is not reversed, and no commission waits for this line
		}
		if (ledger.accrualOf(refund.lineId()).isEmpty()) {
			// the accrual has not been written yet (events may cross): it applies this when it is
			ledger.holdPendingReversal(reference, refund.lineId(), refund.quantity(), refund.amount(), clock.instant());
			log.info("Refund {} of line {} waits for the line's commission accrual", reference, refund.lineId());
			return false;
		}
		return reverse(refund.lineId(), reference, refund.quantity(), refund.amount());
	}

	private boolean reverse(OrderLineId lineId, String reference, int quantity, Money refunded) {
		var found = ledger.accrualOf(lineId).orElseThrow();
		ledger.lockAccount(found.leaderId());
		if (ledger.hasReversal(reference)) {
			return false;
		}
		// read again under the lock: another refund of the line may just have been reversed
		var accrual = ledger.accrualOf(lineId).orElseThrow();
		int units = Math.min(quantity, accrual.quantity() - accrual.reversedQuantity());
		if (units <= 0) {
			log.warn("Refund {} of line {}: every unit's commission was reversed already", reference, lineId);
			return false;
		}
		Money amount = shareOf(accrual.amount(), accrual.reversedQuantity() + units, accrual.quantity())
			.minus(accrual.reversed());
		Money base = min(refunded, accrual.base().minus(accrual.reversedBase()));
		Instant now = clock.instant();
		var leader = leaders.find(accrual.leaderId()).orElseThrow();
		YearMonth month = YearMonth.from(now.atZone(zone(leader.regionId())));
		var entry = ledger.insertReversal(accrual, reference, units, base, amount, month, now);
		events.publishEvent(new CommissionReversed(leader.id(), leader.accountId(), accrual.orderId(), lineId, units,
				amount, entry.balanceAfter()));
		return true;
	}

	/**
	 * The commission of {@code units} out of {@code quantity}, rounded half-up to the fen. Reversals
	 * take the cumulative share minus what was reversed before, so all of them add up to the accrual.
	 */
	static Money shareOf(Money commission, int units, int quantity) {
		return Money.ofFen(BigDecimal.valueOf(commission.fen()).multiply(BigDecimal.valueOf(units))
			.divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_UP).longValueExact());
	}

	private static Money min(Money a, Money b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private ZoneId zone(RegionId region) {
		return network.getRegion(region).zone();
	}

	private Map<CategoryId, CategoryId> parents() {
		Map<CategoryId, CategoryId> parents = new HashMap<>();
		for (Category c : catalog.categories()) {
			if (c.parentId() != null) {
				parents.put(c.id(), c.parentId());
			}
		}
		return parents;
	}

	/** The category and its ancestors, nearest first. */
	static List<CategoryId> path(CategoryId category, Map<CategoryId, CategoryId> parents) {
		List<CategoryId> path = new ArrayList<>();
		for (CategoryId c = category; c != null && !path.contains(c) && path.size() < 20; c = parents.get(c)) {
			path.add(c);
		}
		return path;
	}
}
