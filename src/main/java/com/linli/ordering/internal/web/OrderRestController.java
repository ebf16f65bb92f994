package com.linli.ordering.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.marketing.ListingId;
import com.linli.ordering.Cart;
import com.linli.ordering.CartManagement;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderItem;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderPlacementManagement;
import com.linli.ordering.OrderStatus;
import com.linli.ordering.PlaceOrder;
import com.linli.payment.PaymentManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The resident's cart and orders, for the mini-program. A resident sees only their own orders. */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "orders", description = "Cart, checkout, orders, cancellation, pickup code (residents)")
class OrderRestController {

	private final OrderManagement orders;

	private final OrderPlacementManagement placement;

	private final CartManagement carts;

	private final PaymentManagement payments;

	private final PickupQrCodes qrCodes;

	private final com.linli.shared.Tracking tracking;

	private final java.time.Clock clock;

	OrderRestController(OrderManagement orders, OrderPlacementManagement placement, CartManagement carts,
			PaymentManagement payments, PickupQrCodes qrCodes, com.linli.shared.Tracking tracking, java.time.Clock clock) {
		this.tracking = tracking;
		this.clock = clock;
		this.orders = orders;
		this.placement = placement;
		this.carts = carts;
		this.payments = payments;
		this.qrCodes = qrCodes;
	}

	@GetMapping("/api/cart")
	@Operation(summary = "The resident's cart, priced now, with what can still be ordered")
	Cart cart() {
		return carts.view(CurrentUser.require().id());
	}

	@PostMapping("/api/cart/items")
	@Operation(summary = "Add units of a listing to the cart")
	Cart addToCart(@Valid @RequestBody CartItemRequest request) {
		var cart = carts.add(CurrentUser.require().id(), new ListingId(request.listingId()), request.quantity());
		tracking.record(com.linli.shared.TrackedEvent.of(com.linli.shared.TrackedEvent.Kind.ADD_TO_CART, clock.instant(),
				CurrentUser.require().id().value(), com.linli.shared.TrackedEvent.Client.API).product(request.listingId(), null));
		return cart;
	}

	@PutMapping("/api/cart/items/{listingId}")
	@Operation(summary = "Set the quantity of a listing in the cart (0 removes it)")
	Cart setQuantity(@PathVariable long listingId, @Valid @RequestBody QuantityRequest request) {
		return carts.set(CurrentUser.require().id(), new ListingId(listingId), request.quantity());
	}

	@DeleteMapping("/api/cart/items/{listingId}")
	Cart remove(@PathVariable long listingId) {
		return carts.set(CurrentUser.require().id(), new ListingId(listingId), 0);
	}

	@PostMapping("/api/cart/checkout")
	@Operation(summary = "Order what the cart holds for the earliest pickup date; idempotent by Idempotency-Key")
	ResponseEntity<OrderView> checkout(
			@Parameter(description = "unique per submit; a retry with the same key returns the same order")
			@RequestHeader("Idempotency-Key") String idempotencyKey,
			@Valid @RequestBody(required = false) CheckoutRequest request) {
		var r = request == null ? new CheckoutRequest(null) : request;
		var order = carts.checkout(CurrentUser.require().id(), idempotencyKey, r.note(),
				PromotionFields.coupon(r.couponId(), r.coupon()), PromotionFields.points(r.points()),
				PromotionFields.team(r.teamId(), r.openTeam()));
		trackCheckout(order);
		return ResponseEntity.status(HttpStatus.CREATED).body(view(order));
	}

	@PostMapping("/api/orders")
	@Operation(summary = "Place an order directly (without the cart); idempotent by Idempotency-Key. "
			+ "To pay, POST the answer's `payment` link: it opens the payment and answers with the cashier")
	@ApiResponse(responseCode = "201", description = "the order (the same one for a repeated Idempotency-Key)",
			content = @Content(schema = @Schema(implementation = OrderView.class)))
	@ApiResponse(responseCode = "409", description = "sold out, over the limit, closed, no pickup point")
	ResponseEntity<OrderView> place(Actor actor, @RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody PlaceOrderRequest request) {
		// the rules (shape, sold out) are checked once, by the placement service (and the gate before MVC)
		var order = placement.place(request.command(actor.requireAccount(), idempotencyKey));
		trackCheckout(order);
		// an unpaid order has no payment until the resident opens it (its link is in the answer): no lookup
		return ResponseEntity.status(HttpStatus.CREATED).body(order.status() == OrderStatus.PENDING_PAYMENT
				? OrderView.of(order, null, null) : view(order));
	}

	/** Through the API, checking out and placing are one call: a checkout event per line of the order placed. */
	private void trackCheckout(Order order) {
		var now = clock.instant();
		for (var line : order.lines()) {
			tracking.record(com.linli.shared.TrackedEvent.of(com.linli.shared.TrackedEvent.Kind.CHECKOUT, now,
					order.residentId().value(), com.linli.shared.TrackedEvent.Client.API)
				.at(order.pickupPointId().value(), order.regionId().value())
				.product(line.listingId().value(), line.skuId().value()).order(order.id().value()));
		}
	}

	@PostMapping("/api/orders/{id}/payment")
	@Operation(summary = "Open the payment of an unpaid order (idempotent): the order with its cashierUrl to pay at")
	OrderView openPayment(Actor actor, @PathVariable long id) {
		var payment = placement.openPayment(actor.requireAccount(), new OrderId(id));
		var order = orders.getFor(actor.requireAccount(), new OrderId(id));
		return OrderView.of(order, payment.cashierUrl(), payment.status().name());
	}

	@GetMapping("/api/orders")
	@Operation(summary = "The resident's orders, newest first")
	List<OrderView> mine(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		return orders.ordersOf(CurrentUser.require().id(), limit).stream().map(this::view).toList();
	}

	@GetMapping("/api/orders/{id}")
	OrderView get(@PathVariable long id) {
		return view(orders.getFor(CurrentUser.require().id(), new OrderId(id)));
	}

	@PostMapping("/api/orders/{id}/cancel")
	@Operation(summary = "Cancel: unpaid at any time; paid before cutoff with a full refund")
	OrderView cancel(@PathVariable long id) {
		return view(orders.cancelByResident(CurrentUser.require().id(), new OrderId(id)));
	}

	@GetMapping(value = "/api/orders/{id}/pickup-qr", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "The pickup code as a QR image (PNG), once paid")
	ResponseEntity<byte[]> qr(@PathVariable long id) {
		var order = orders.getFor(CurrentUser.require().id(), new OrderId(id));
		if (!order.showsPickupCode()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(qrCodes.png(order, 320));
	}

	private OrderView view(Order order) {
		var payment = payments.find(OrderManagement.merchantReference(order.id()));
		return OrderView.of(order, payment.map(p -> p.cashierUrl()).orElse(null),
				payment.map(p -> p.status().name()).orElse(null));
	}

	record CartItemRequest(@NotNull Long listingId, @Min(1) @Max(99) int quantity) {
	}

	record QuantityRequest(@Min(0) @Max(99) int quantity) {
	}

	/**
	 * The resident's note to the leader (optional), written at the review step, and their promotion
	 * choices: {@code couponId} or {@code coupon} ("best", default, or "none"), {@code points} (0 to
	 * 1,000,000), {@code teamId} or {@code openTeam}.
	 */
	record CheckoutRequest(@Size(max = PlaceOrder.NOTE_MAX) String note, Long couponId, String coupon,
			@Min(0) @Max(PlaceOrder.POINTS_MAX) Long points, Long teamId, Boolean openTeam) {

		CheckoutRequest(String note) {
			this(note, null, null, null, null, null);
		}
	}

	/**
	 * A submit's body; its rules are {@link com.linli.ordering.internal.SubmitRules}', checked once, in the
	 * service. The promotion fields as in {@link CheckoutRequest}.
	 */
	record PlaceOrderRequest(List<ItemRequest> items, String note, Long couponId, String coupon, Long points,
			Long teamId, Boolean openTeam) {

		PlaceOrderRequest(List<ItemRequest> items) {
			this(items, null);
		}

		PlaceOrderRequest(List<ItemRequest> items, String note) {
			this(items, note, null, null, null, null, null);
		}

		/** The order the resident asks for, under the key of this submit. */
		PlaceOrder command(AccountId resident, String idempotencyKey) {
			List<OrderItem> wanted = items == null ? List.of() : items.stream()
				.map(i -> i == null || i.listingId() == null ? new OrderItem(null, i == null ? 0 : i.quantity())
						: new OrderItem(new ListingId(i.listingId()), i.quantity()))
				.toList();
			return new PlaceOrder(resident, idempotencyKey, wanted, note, PromotionFields.coupon(couponId, coupon),
					PromotionFields.points(points), PromotionFields.team(teamId, openTeam));
		}
	}

	record ItemRequest(Long listingId, int quantity) {
	}

	record OrderView(long id, String orderNo, String status, long regionId, long pickupPointId, LocalDate pickupDate,
			long totalFen, long paidFen, long refundedFen, String pickupCode, String cancelReason, Instant createdAt,
			Instant expiresAt, Instant cutoffAt, String cashierUrl, String paymentStatus, String payment, String note,
			List<LineView> lines) {

		static OrderView of(Order o, String cashierUrl, String paymentStatus) {
			boolean unpaid = o.status().name().equals("PENDING_PAYMENT");
			return new OrderView(o.id().value(), o.orderNo(), o.status().name(), o.regionId().value(),
					o.pickupPointId().value(), o.pickupDate(), o.total().fen(), o.paid().fen(), o.refunded().fen(),
					o.showsPickupCode() ? o.pickupCode() : null, o.cancelReason(), o.createdAt(), o.expiresAt(),
					o.cutoffAt(), unpaid ? cashierUrl : null, paymentStatus,
					unpaid ? "/api/orders/" + o.id().value() + "/payment" : null, o.note(),
					o.lines().stream().map(LineView::of).toList());
		}
	}

	/**
	 * A line: {@code amountFen} at group price, {@code discountsFen} its share of each deduction by kind
	 * (only kinds with a share, e.g. {@code {"COUPON": 300}}), {@code paidFen} = amount − discounts.
	 */
	record LineView(long id, long listingId, long skuId, String skuName, String spec, String unit, long unitPriceFen,
			int quantity, long amountFen, java.util.Map<String, Long> discountsFen, long paidFen, int refundedQuantity,
			long refundedFen, int shortQuantity, int pickedUpQuantity) {

		static LineView of(OrderLine l) {
			var discounts = new java.util.LinkedHashMap<String, Long>();
			l.shares().forEach((kind, share) -> discounts.put(kind.name(), share.fen()));
			return new LineView(l.id().value(), l.listingId().value(), l.skuId().value(), l.skuName(), l.spec(),
					l.unit(), l.unitPrice().fen(), l.quantity(), l.amount().fen(), discounts, l.paid().fen(),
					l.refundedQuantity(), l.refunded().fen(), l.shortQuantity(), l.pickedUpQuantity());
		}
	}
}
