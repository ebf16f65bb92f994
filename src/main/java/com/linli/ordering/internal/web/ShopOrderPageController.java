package com.linli.ordering.internal.web;

import java.util.List;
import java.util.UUID;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.marketing.ListingId;
import com.linli.network.PickupPointManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.Cart;
import com.linli.ordering.CartManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderPlacementManagement;
import com.linli.ordering.PlaceOrder;
import com.linli.payment.PaymentManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's cart, checkout and orders on the phone-sized storefront. */
@Controller
class ShopOrderPageController {

	private final CartManagement carts;

	private final OrderManagement orders;

	private final PaymentManagement payments;

	private final OrderPlacementManagement placement;

	private final PickupQrCodes qrCodes;

	private final ResidentBindingManagement network;

	private final PickupPointManagement pickupPoints;

	private final java.time.Clock clock;

	private final com.linli.shared.Tracking tracking;

	ShopOrderPageController(CartManagement carts, OrderManagement orders, PaymentManagement payments,
			OrderPlacementManagement placement, PickupQrCodes qrCodes, ResidentBindingManagement network, PickupPointManagement pickupPoints, java.time.Clock clock,
			com.linli.shared.Tracking tracking) {
		this.tracking = tracking;
		this.placement = placement;
		this.network = network;
		this.pickupPoints = pickupPoints;
		this.clock = clock;
		this.carts = carts;
		this.orders = orders;
		this.payments = payments;
		this.qrCodes = qrCodes;
	}

	@GetMapping("/shop/cart")
	String cart(Model model) {
		model.addAttribute("cart", carts.view(CurrentUser.require().id()));
		model.addAttribute("activeTab", "cart");
		return "ordering/cart";
	}

	@PostMapping("/shop/cart/add")
	String add(@RequestParam long listingId, @RequestParam(defaultValue = "1") int quantity,
			@RequestParam(defaultValue = "/shop/cart") String back, RedirectAttributes flash) {
		try {
			carts.add(CurrentUser.require().id(), new ListingId(listingId), quantity);
			tracking.record(com.linli.shared.TrackedEvent.of(com.linli.shared.TrackedEvent.Kind.ADD_TO_CART, clock.instant(),
					CurrentUser.require().id().value(), com.linli.shared.TrackedEvent.Client.H5).product(listingId, null));
			flash.addFlashAttribute("added", true);
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:" + (back.startsWith("/shop") ? back : "/shop/cart");
	}

	@PostMapping("/shop/cart/set")
	String set(@RequestParam long listingId, @RequestParam int quantity, RedirectAttributes flash) {
		try {
			carts.set(CurrentUser.require().id(), new ListingId(listingId), Math.max(0, Math.min(quantity, 99)));
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/shop/cart";
	}

	/**
	 * The review step before paying: the pickup point with its address and hours, the pickup date, what
	 * will be ordered and the amount, and a note to the leader.
	 */
	@GetMapping("/shop/checkout")
	String review(Model model, RedirectAttributes flash) {
		var resident = CurrentUser.require().id();
		var point = network.pickupPointOf(resident);
		if (point.isEmpty()) {
			return "redirect:/shop/pickup-point";
		}
		List<Cart.Item> items;
		try {
			items = carts.toOrder(carts.view(resident));
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("error", e.getMessage());
			return "redirect:/shop/cart";
		}
		var now = clock.instant();
		for (var item : items) {
			tracking.record(com.linli.shared.TrackedEvent.of(com.linli.shared.TrackedEvent.Kind.CHECKOUT, now, resident.value(),
					com.linli.shared.TrackedEvent.Client.H5).at(point.get().id().value(), point.get().regionId().value())
				.product(item.listingId().value(), null));
		}
		model.addAttribute("point", point.get());
		model.addAttribute("items", items);
		model.addAttribute("pickupDate", items.get(0).pickupDate());
		model.addAttribute("total", items.stream().map(Cart.Item::amount).reduce(Money.ZERO, Money::plus));
		quote(model, resident, null, "best", null, null, null);
		model.addAttribute("noteMax", PlaceOrder.NOTE_MAX);
		// a fresh key per rendering of the review: a double click submits the same key
		model.addAttribute("checkoutKey", UUID.randomUUID().toString());
		model.addAttribute("activeTab", "cart");
		return "ordering/checkout";
	}

	/**
	 * The review's price again for other choices (htmx, on a change of the coupon choice or the points):
	 * the explanation, the amount to pay and the submit button.
	 */
	@PostMapping("/shop/checkout/quote")
	String requote(@RequestParam(required = false) Long couponId, @RequestParam(defaultValue = "best") String coupon,
			@RequestParam(required = false) String points, @RequestParam(required = false) Long teamId,
			@RequestParam(required = false) Boolean openTeam, Model model) {
		var resident = CurrentUser.require().id();
		try {
			model.addAttribute("total", carts.toOrder(carts.view(resident)).stream().map(Cart.Item::amount)
				.reduce(Money.ZERO, Money::plus));
		}
		catch (BusinessRuleException e) {
			model.addAttribute("total", Money.ZERO);
		}
		quote(model, resident, couponId, coupon, points, teamId, openTeam);
		return "ordering/checkout :: quote";
	}

	/** The quote of the resident's checkout with these choices, or the reason there is none (a bad value). */
	private void quote(Model model, com.linli.identity.AccountId resident, Long couponId, String coupon,
			String points, Long teamId, Boolean openTeam) {
		model.addAttribute("coupon", couponId != null ? "chosen" : coupon);
		model.addAttribute("points", points == null ? "" : points.strip());
		try {
			model.addAttribute("quote", carts.quoteCheckout(resident, PromotionFields.coupon(couponId, coupon),
					points(points), PromotionFields.team(teamId, openTeam)));
		}
		catch (BusinessRuleException e) {
			model.addAttribute("quoteError", e.getMessage());
		}
	}

	/** Points as typed in the form: blank is none; anything else not a whole number is refused, naming the field. */
	private static long points(String points) {
		if (points == null || points.isBlank()) {
			return 0;
		}
		try {
			return Long.parseLong(points.strip());
		}
		catch (NumberFormatException e) {
			throw new com.linli.shared.InvalidInputException("points",
					com.linli.shared.Text.of("ordering.problem.pointsNotANumber"));
		}
	}

	@PostMapping("/shop/checkout")
	String checkout(@RequestParam String key, @RequestParam(required = false) String note,
			@RequestParam(required = false) Long couponId, @RequestParam(defaultValue = "best") String coupon,
			@RequestParam(required = false) String points, @RequestParam(required = false) Long teamId,
			@RequestParam(required = false) Boolean openTeam, RedirectAttributes flash) {
		try {
			var order = carts.checkout(CurrentUser.require().id(), key, note, PromotionFields.coupon(couponId, coupon),
					points(points), PromotionFields.team(teamId, openTeam));
			if (order.status().name().equals("PENDING_PAYMENT")) {
				// on to the cashier: the payment is opened now, not at submit
				return "redirect:/shop/orders/" + order.id().value() + "/pay";
			}
			return "redirect:/shop/orders/" + order.id().value();
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("error", e.getMessage());
			return "redirect:/shop/cart";
		}
	}

	/** Opens the order's payment (idempotent) and goes on to the provider's cashier, which returns to the order. */
	@GetMapping("/shop/orders/{id}/pay")
	String pay(Actor actor, @PathVariable long id, RedirectAttributes flash) {
		try {
			var payment = placement.openPayment(actor.requireAccount(), new OrderId(id));
			return "redirect:" + payment.cashierUrl() + "?return=/shop/orders/" + id;
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("error", e.getMessage());
			return "redirect:/shop/orders/" + id;
		}
	}

	@GetMapping("/shop/orders")
	String orders(@RequestParam(required = false) ShopOrderTab state, Model model) {
		model.addAttribute("orders", orders.ordersOf(CurrentUser.require().id(), 100).stream()
			.filter(o -> state == null || state.holds(o.status())).toList());
		model.addAttribute("state", state);
		model.addAttribute("states", ShopOrderTab.values());
		model.addAttribute("activeTab", "orders");
		return "ordering/orders";
	}

	@GetMapping("/shop/orders/{id}")
	String order(@PathVariable long id, Model model) {
		var order = orders.getFor(CurrentUser.require().id(), new OrderId(id));
		model.addAttribute("order", order);
		model.addAttribute("point", pickupPoints.getPickupPoint(order.pickupPointId()));
		model.addAttribute("timeline", orders.timeline(order.id()));
		model.addAttribute("payment", payments.find(OrderManagement.merchantReference(order.id())).orElse(null));
		model.addAttribute("cancellable", order.cancellableAt(clock.instant()));
		model.addAttribute("activeTab", "orders");
		return "ordering/order";
	}

	@GetMapping(value = "/shop/orders/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@PathVariable long id) {
		var order = orders.getFor(CurrentUser.require().id(), new OrderId(id));
		if (!order.showsPickupCode()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(qrCodes.png(order, 360));
	}

	@PostMapping("/shop/orders/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes flash) {
		try {
			orders.cancelByResident(CurrentUser.require().id(), new OrderId(id));
			flash.addFlashAttribute("message", "cancelled");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/shop/orders/" + id;
	}
}
