package com.linli.ordering.internal.web;

import java.time.Clock;
import java.time.LocalDate;

import com.linli.identity.CurrentUser;
import com.linli.network.NetworkManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderSearch;
import com.linli.ordering.OrderStatus;
import com.linli.payment.PaymentManagement;
import com.linli.shared.NotFoundException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's orders: filters, paging, and one order with its lines, payment, refunds and timeline. */
@Controller
class ConsoleOrderPageController {

	private final OrderManagement orders;

	private final NetworkManagement network;

	private final PaymentManagement payments;

	private final Clock clock;

	ConsoleOrderPageController(OrderManagement orders, NetworkManagement network, PaymentManagement payments,
			Clock clock) {
		this.orders = orders;
		this.network = network;
		this.payments = payments;
		this.clock = clock;
	}

	@GetMapping("/console/orders")
	String list(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pickupDate,
			@RequestParam(required = false) OrderStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var me = CurrentUser.require();
		if (regionId != null) {
			me.checkManagesRegion(regionId);
		}
		var scope = me.regionScope().orElse(null);
		var result = orders.search(new OrderSearch(scope, regionId, pickupDate, status, null, q), page, 30);
		var points = network.pickupPoints(result.items().stream().map(o -> o.pickupPointId()).distinct().toList());
		model.addAttribute("result", result);
		model.addAttribute("points", points);
		model.addAttribute("regions", network.regions().stream()
			.filter(r -> scope == null || scope.contains(r.id().value())).toList());
		model.addAttribute("regionId", regionId);
		model.addAttribute("pickupDate", pickupDate);
		model.addAttribute("status", status);
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("q", q);
		return "ordering/console-orders";
	}

	@GetMapping("/console/orders/{id}")
	String order(@PathVariable long id, Model model) {
		var order = orders.get(new OrderId(id));
		if (!CurrentUser.require().managesRegion(order.regionId().value())) {
			throw new NotFoundException("order", id);
		}
		var reference = OrderManagement.merchantReference(order.id());
		model.addAttribute("order", order);
		model.addAttribute("point", network.getPickupPoint(order.pickupPointId()));
		model.addAttribute("payment", payments.find(reference).orElse(null));
		model.addAttribute("refunds", payments.refunds(reference));
		model.addAttribute("timeline", orders.timeline(order.id()));
		model.addAttribute("today", LocalDate.now(clock));
		return "ordering/console-order";
	}
}
