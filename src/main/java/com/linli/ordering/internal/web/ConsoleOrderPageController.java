package com.linli.ordering.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderSearch;
import com.linli.ordering.OrderStatus;
import com.linli.ordering.OrderSupportManagement;
import com.linli.ordering.StaffRefundReason;
import com.linli.payment.PaymentManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's orders: filters, paging, and one order with its lines, payment, refunds and timeline,
 * where the operator refunds a line, cancels before cutoff or writes an internal note.
 */
@Controller
class ConsoleOrderPageController {

	private final OrderManagement orders;

	private final PickupPointManagement network;

	private final RegionManagement regionManagement;

	private final PaymentManagement payments;

	private final OrderSupportManagement support;

	private final Clock clock;

	ConsoleOrderPageController(OrderManagement orders, PickupPointManagement network,
			RegionManagement regionManagement, PaymentManagement payments,
			OrderSupportManagement support, Clock clock) {
		this.orders = orders;
		this.support = support;
		this.network = network;
		this.regionManagement = regionManagement;
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
		model.addAttribute("regions", regionManagement.regions().stream()
			.filter(r -> scope == null || scope.contains(r.id().value())).toList());
		model.addAttribute("regionId", regionId);
		model.addAttribute("pickupDate", pickupDate);
		model.addAttribute("status", status);
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("q", q);
		return "ordering/console-orders";
	}

	@GetMapping("/console/orders/{id}")
	String order(@PathVariable long id, Model model, Actor actor) {
		var order = support.get(actor, new OrderId(id));
		var reference = OrderManagement.merchantReference(order.id());
		Instant now = clock.instant();
		model.addAttribute("order", order);
		model.addAttribute("point", network.getPickupPoint(order.pickupPointId()));
		model.addAttribute("payment", payments.find(reference).orElse(null));
		model.addAttribute("refunds", support.refunds(actor, order.id()));
		model.addAttribute("skuNames", order.lines().stream()
			.collect(Collectors.toMap(l -> l.id().value(), l -> l.skuName())));
		model.addAttribute("timeline", support.timeline(actor, order.id()));
		model.addAttribute("cancellable", order.cancellableAt(now));
		model.addAttribute("refundable", order.status() != OrderStatus.PENDING_PAYMENT
				&& order.status() != OrderStatus.CANCELLED);
		model.addAttribute("reasons", StaffRefundReason.values());
		// a fresh key per rendering of the refund forms: a double submit refunds once
		model.addAttribute("requestKey", UUID.randomUUID().toString());
		return "ordering/console-order";
	}

	@PostMapping("/console/orders/{id}/refund")
	String refund(@PathVariable long id, @RequestParam long lineId, @RequestParam int quantity,
			@RequestParam StaffRefundReason reason, @RequestParam String key, RedirectAttributes flash, Actor actor) {
		return act(id, flash, "refund",
				() -> support.refundLine(actor, new OrderId(id), new OrderLineId(lineId), quantity, reason, key));
	}

	@PostMapping("/console/orders/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes flash, Actor actor) {
		return act(id, flash, "cancel", () -> support.cancel(actor, new OrderId(id)));
	}

	@PostMapping("/console/orders/{id}/notes")
	String note(@PathVariable long id, @RequestParam String text, RedirectAttributes flash, Actor actor) {
		return act(id, flash, "note", () -> support.addNote(actor, new OrderId(id), text));
	}

	/** Runs an action and comes back to the order with what it did, or why it was refused. */
	private static String act(long id, RedirectAttributes flash, String done, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("done", done);
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("errorCode", e instanceof InvalidInputException ? "invalid-" + e.field() : e.code());
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/console/orders/" + id;
	}
}
