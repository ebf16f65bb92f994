package com.linli.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.ordering.internal.OrderRefunds;
import com.linli.ordering.internal.Orders;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds of units after the cutoff, asked by other modules: a SKU the supplier delivered short for a
 * region's day (spread over the orders by a {@link ShortageRule}), and units of one line (damaged found
 * later, after-sales once picked up). Each refund is applied once per reference; the {@link Order}
 * computes and guards it.
 */
@Service
public class OrderRefundManagement {

	/** The reason code of units the supplier never delivered (short or rejected at receiving). */
	public static final String SUPPLIER_SHORTAGE = "SUPPLIER_SHORTAGE";

	/** Orders whose units are still to hand out: a supplier shortage is spread over them. */
	private static final Set<OrderStatus> AWAITING_HAND_OUT = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.SHIPPED,
			OrderStatus.READY_FOR_PICKUP);

	private final Orders orders;

	private final OrderRefunds refunds;

	private final Clock clock;

	OrderRefundManagement(Orders orders, OrderRefunds refunds, Clock clock) {
		this.orders = orders;
		this.refunds = refunds;
		this.clock = clock;
	}

	/**
	 * A SKU arrived short for a region's pickup date (the supplier delivered less, or units were rejected at
	 * receiving): refunds {@code units} units over the confirmed (not yet handed out) order lines of that SKU,
	 * chosen by {@code rule}, each through the line refund (residents and leaders are told by its event).
	 * Idempotent by {@code reference}: a second call with it refunds nothing more and answers what the first did.
	 */
	@Transactional
	public ShortageRefund refundShortage(RegionId region, LocalDate pickupDate, SkuId sku, int units, ShortageRule rule,
			String reference, String reason) {
		if (units < 1) {
			throw new InvalidInputException("units", "must be at least 1");
		}
		if (reference == null || reference.isBlank() || reference.length() > 30) {
			throw new InvalidInputException("reference", "a reference of 1 to 30 characters is required");
		}
		String suffix = "shortage:" + reference;
		refunds.lockReference(suffix);
		var candidates = orders.withSku(region, pickupDate, sku);
		List<Object[]> lines = new ArrayList<>();
		List<String> references = new ArrayList<>();
		for (Order order : candidates) {
			for (OrderLine line : order.lines()) {
				if (line.skuId().equals(sku)) {
					lines.add(new Object[] { order, line });
					references.add("line:" + line.id().value() + ":" + suffix);
				}
			}
		}
		if (lines.isEmpty()) {
			return new ShortageRefund(0, Money.ZERO, List.of());
		}
		var earlier = refunds.linesRefundedUnder(references);
		if (!earlier.isEmpty()) {
			return summary(earlier);
		}
		var open = lines.stream()
			.filter(l -> AWAITING_HAND_OUT.contains(((Order) l[0]).status()))
			.filter(l -> ((OrderLine) l[1]).remainingQuantity() > 0)
			.toList();
		Map<OrderLineId, Integer> cut = allocate(open, units, rule == null ? ShortageRule.NEWEST_FIRST : rule);
		String text = reason == null || reason.isBlank() ? Text.of("ordering.refund.shortFromSupplier").stored() : reason;
		List<ShortageRefund.Refunded> refunded = new ArrayList<>();
		Map<OrderId, Order> changed = new LinkedHashMap<>();
		for (Object[] l : open) {
			Order order = (Order) l[0];
			OrderLine line = (OrderLine) l[1];
			int n = cut.getOrDefault(line.id(), 0);
			if (n > 0) {
				Money amount = refunds.refundLine(order, line.id(), n, suffix, SUPPLIER_SHORTAGE, text, true, false);
				refunded.add(new ShortageRefund.Refunded(order.id(), line.id(), n, amount));
				orders.timeline(order.id(), clock.instant(), null,
						Orders.note("supplierShort", line.skuName(), n));
				changed.put(order.id(), order);
			}
		}
		// an order with two lines of the SKU is saved once, with both refunds
		changed.values().forEach(orders::save);
		return summary(refunded);
	}

	private static ShortageRefund summary(List<ShortageRefund.Refunded> lines) {
		int units = lines.stream().mapToInt(ShortageRefund.Refunded::units).sum();
		Money amount = lines.stream().map(ShortageRefund.Refunded::amount).reduce(Money.ZERO, Money::plus);
		return new ShortageRefund(units, amount, List.copyOf(lines));
	}

	/** How many units each line loses; {@code open} is ordered oldest order first. */
	static Map<OrderLineId, Integer> allocate(List<Object[]> open, int units, ShortageRule rule) {
		List<OrderLine> newestFirst = new ArrayList<>();
		for (int i = open.size() - 1; i >= 0; i--) {
			newestFirst.add((OrderLine) open.get(i)[1]);
		}
		Map<OrderLineId, Integer> cut = new java.util.LinkedHashMap<>();
		int left = units;
		if (rule == ShortageRule.PROPORTIONAL) {
			long total = newestFirst.stream().mapToLong(OrderLine::remainingQuantity).sum();
			if (total <= units) {
				newestFirst.forEach(l -> cut.put(l.id(), l.remainingQuantity()));
				return cut;
			}
			for (OrderLine l : newestFirst) {
				int share = (int) ((long) units * l.remainingQuantity() / total);
				cut.put(l.id(), share);
				left -= share;
			}
			for (OrderLine l : newestFirst) {
				if (left == 0) {
					break;
				}
				if (cut.get(l.id()) < l.remainingQuantity()) {
					cut.merge(l.id(), 1, Integer::sum);
					left--;
				}
			}
			return cut;
		}
		List<OrderLine> sequence = new ArrayList<>(newestFirst);
		if (rule == ShortageRule.LARGEST_ORDER_FIRST) {
			sequence.sort(java.util.Comparator.comparingInt(OrderLine::remainingQuantity).reversed());
		}
		for (OrderLine l : sequence) {
			if (left == 0) {
				break;
			}
			int n = Math.min(left, l.remainingQuantity());
			cut.put(l.id(), n);
			left -= n;
		}
		return cut;
	}

	/**
	 * Refunds units of a line after cutoff (damaged on arrival found later, or after-sales once
	 * picked up); the order goes on with the rest. The caller's {@code reference} makes a retry harmless.
	 */
	@Transactional
	public Money refundLine(OrderId orderId, OrderLineId lineId, int quantity, String reference, String reasonCode,
			String reason, boolean afterPickup) {
		Order order = orders.find(orderId).orElseThrow(() -> new com.linli.shared.NotFoundException("order", orderId));
		order.line(lineId, "lineId");
		Money amount = refunds.refundLine(order, lineId, quantity, reference, reasonCode, reason, false, afterPickup);
		// a line whose deductions took all it cost refunds 0 fen and still changes (a retry changes nothing)
		if (!order.changedLines().isEmpty()) {
			orders.save(order);
		}
		return amount;
	}
}
