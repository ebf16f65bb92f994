package com.linli.analytics.internal.economics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.inventory.StockFigures;
import com.linli.leader.CommissionFigures;
import com.linli.logistics.DeliveryFigures;
import com.linli.network.RegionId;
import com.linli.network.WarehouseManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderMoneyFigures;
import com.linli.shared.NotFoundException;
import com.linli.supply.SupplyFigures;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Contribution margin per region and day, and per order (DayMargin). Sales, refunds and units delivered come from
 * ordering, supplier prices from supply (purchase orders of the region over the month and the 30 days before it,
 * else the lowest supplier SKU price), commission from leader, route costs from logistics (or the configured cost
 * per crate {@code linli.analytics.cost-per-crate-fen} on a morning without routes), write-offs from inventory.
 */
@Service
public class UnitEconomics {

	static final int PRICE_LOOKBACK_DAYS = 30;

	private final OrderMoneyFigures orders;

	private final SupplyFigures supply;

	private final CommissionFigures commission;

	private final DeliveryFigures delivery;

	private final StockFigures stock;

	private final WarehouseManagement warehouses;

	private final Clock clock;

	private final long costPerCrateFen;

	UnitEconomics(OrderMoneyFigures orders, SupplyFigures supply, CommissionFigures commission, DeliveryFigures delivery,
			StockFigures stock, WarehouseManagement warehouses, Clock clock,
			@Value("${linli.analytics.cost-per-crate-fen:0}") long costPerCrateFen) {
		this.orders = orders;
		this.supply = supply;
		this.commission = commission;
		this.delivery = delivery;
		this.stock = stock;
		this.warehouses = warehouses;
		this.clock = clock;
		this.costPerCrateFen = costPerCrateFen;
	}

	long costPerCrateFen() {
		return costPerCrateFen;
	}

	/** Every day of the range (days without orders or costs too), oldest first. */
	public List<DayMargin> days(Actor actor, RegionId region, LocalDate from, LocalDate to) {
		actor.checkRegion(region.value());
		Map<LocalDate, OrderMoneyFigures.Day> sales = new HashMap<>();
		orders.byDay(region, from, to).forEach(d -> sales.put(d.date(), d));
		var units = orders.bySkuDay(region, from, to);
		var skus = new HashSet<Long>();
		units.forEach(u -> skus.add(u.skuId()));
		var costs = supply.unitCosts(region, from.minusDays(PRICE_LOOKBACK_DAYS), to, skus);
		Map<LocalDate, double[]> goods = new HashMap<>(); // [cost, unpriced units]
		for (var u : units) {
			var g = goods.computeIfAbsent(u.date(), d -> new double[2]);
			Double cost = costs.get(u.skuId());
			if (cost == null) {
				g[1] += u.units();
			}
			else {
				g[0] += cost * u.units();
			}
		}
		var commissions = commission.netByDay(region, from, to);
		Map<LocalDate, DeliveryFigures.Day> routes = new HashMap<>();
		delivery.byDay(region, from, to).forEach(d -> routes.put(d.date(), d));
		Map<LocalDate, Long> waste = new HashMap<>();
		stock.byDay(warehouses.warehouses(region).stream().map(w -> w.id().value()).toList(), from, to)
			.forEach(d -> waste.put(d.date(), d.wasteFen()));
		List<DayMargin> days = new ArrayList<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			var sale = sales.get(d);
			long paidOrders = sale == null ? 0 : sale.paidOrders();
			var route = routes.get(d);
			long deliveryFen;
			DayMargin.DeliverySource source;
			if (route != null && route.routes() > 0) {
				deliveryFen = route.costFen();
				source = DayMargin.DeliverySource.ROUTES;
			}
			else if (costPerCrateFen > 0 && paidOrders > 0) {
				deliveryFen = costPerCrateFen * paidOrders;
				source = DayMargin.DeliverySource.CONFIGURED;
			}
			else {
				deliveryFen = 0;
				source = DayMargin.DeliverySource.NONE;
			}
			var g = goods.getOrDefault(d, new double[2]);
			days.add(new DayMargin(d, paidOrders, sale == null ? 0 : sale.paidFen(), Math.round(g[0]),
					commissions.getOrDefault(d, 0L), deliveryFen, source, waste.getOrDefault(d, 0L),
					sale == null ? 0 : sale.refundedFen(), (long) g[1]));
		}
		return days;
	}

	public List<DayMargin> month(Actor actor, RegionId region, YearMonth month) {
		return days(actor, region, month.atDay(1), month.atEndOfMonth());
	}

	/**
	 * One order's margin: its own payment, refunds, goods at supplier prices and commission; the delivery cost and
	 * the waste of its region's day shared equally among that day's paid orders.
	 */
	public OrderMargin order(Actor actor, OrderId id) {
		var order = orders.order(id).orElseThrow(() -> new NotFoundException("analytics.order", id.value()));
		actor.checkRegion(order.regionId());
		var region = new RegionId(order.regionId());
		var day = days(actor, region, order.pickupDate(), order.pickupDate()).get(0);
		var costs = supply.unitCosts(region, order.pickupDate().minusDays(PRICE_LOOKBACK_DAYS), order.pickupDate(),
				order.lines().stream().map(OrderMoneyFigures.OrderMoney.Line::skuId).toList());
		List<OrderMargin.Line> lines = new ArrayList<>();
		long goods = 0;
		long unpriced = 0;
		for (var l : order.lines()) {
			Double cost = costs.get(l.skuId());
			Long lineCost = cost == null ? null : Math.round(cost * l.units());
			lines.add(new OrderMargin.Line(l.skuId(), l.skuName(), l.units(), l.paidFen(), l.refundedFen(), cost, lineCost));
			if (lineCost == null) {
				unpriced += l.units();
			}
			else {
				goods += lineCost;
			}
		}
		long share = Math.max(day.orders(), 1);
		return new OrderMargin(order.orderId(), order.orderNo(), order.regionId(), order.pickupDate(), order.paidFen(),
				goods, commission.netOfOrder(id), Math.round((double) day.deliveryFen() / share), day.delivery(),
				Math.round((double) day.wasteFen() / share), order.refundedFen(), unpriced, lines);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}
}
