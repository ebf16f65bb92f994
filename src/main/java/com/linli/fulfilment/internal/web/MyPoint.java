package com.linli.fulfilment.internal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.Receipt;
import com.linli.network.PickupPoint;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderStatus;

/**
 * A leader's pickup point on a pickup date, as the receipt page and {@code GET /api/fulfilment/my-point/{date}}
 * show it: the goods to receive (per product and per order line), the orders already received and the receipts.
 */
public record MyPoint(PickupPoint point, LocalDate pickupDate, CutoffRun run, List<Order> toReceive, List<Order> received,
		int awaitingCutoff, List<Product> products, List<Receipt> receipts) {

	/** Units of one SKU in the orders still to receive, with the order lines they come from. */
	public record Product(long skuId, String skuName, String spec, String unit, int units, List<Item> items) {
	}

	/** One order line of a product, where a missing quantity can be reported. */
	public record Item(Order order, OrderLine line) {
	}

	static MyPoint of(PickupPoint point, LocalDate pickupDate, CutoffRun run, List<Order> orders, List<Receipt> receipts) {
		List<Order> toReceive = new ArrayList<>();
		List<Order> received = new ArrayList<>();
		int awaiting = 0;
		for (Order o : orders) {
			switch (o.status()) {
				case CONFIRMED, SHIPPED -> toReceive.add(o);
				case READY_FOR_PICKUP, PICKED_UP -> received.add(o);
				case PAID -> awaiting++;
				default -> {
					// cancelled orders (and none pending: ordersAt leaves those out) are not the leader's to handle
				}
			}
		}
		Map<Long, Product> products = new LinkedHashMap<>();
		toReceive.stream()
			.flatMap(o -> o.lines().stream().filter(l -> l.remainingQuantity() > 0).map(l -> new Item(o, l)))
			.sorted(java.util.Comparator.comparing((Item i) -> i.line().skuName()).thenComparing(i -> i.line().spec())
				.thenComparing(i -> i.order().pickupCode()))
			.forEach(item -> {
				OrderLine l = item.line();
				Product p = products.get(l.skuId().value());
				List<Item> items = p == null ? new ArrayList<>() : p.items();
				items.add(item);
				products.put(l.skuId().value(), new Product(l.skuId().value(), l.skuName(), l.spec(), l.unit(),
						(p == null ? 0 : p.units()) + l.remainingQuantity(), items));
			});
		return new MyPoint(point, pickupDate, run, toReceive, received, awaiting, List.copyOf(products.values()),
				receipts);
	}

	public int unitsToReceive() {
		return products.stream().mapToInt(Product::units).sum();
	}

	public boolean shipped() {
		return toReceive.stream().anyMatch(o -> o.status() == OrderStatus.SHIPPED);
	}
}
