package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.ListingManagement;
import com.linli.network.PickupPointId;
import com.linli.ordering.CartManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderItem;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderPlacementManagement;
import com.linli.ordering.OrderStatus;
import com.linli.ordering.PlaceOrder;
import com.linli.payment.PaymentManagement;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Component;

/**
 * What a simulated resident does, through the same services the storefront and the leader's page
 * call: order (straight from a listing, or through the cart), find the payment to pay at the bank,
 * cancel a paid order, collect at the pickup point by code.
 */
@Component
public class ResidentActions {

	private final OrderManagement orders;

	private final OrderPlacementManagement placement;

	private final CartManagement carts;

	private final ListingManagement listings;

	private final PaymentManagement payments;

	private final OrderDeliveryManagement fulfilment;

	ResidentActions(OrderManagement orders, OrderPlacementManagement placement, CartManagement carts,
			ListingManagement listings, PaymentManagement payments, OrderDeliveryManagement fulfilment) {
		this.placement = placement;
		this.orders = orders;
		this.carts = carts;
		this.listings = listings;
		this.payments = payments;
		this.fulfilment = fulfilment;
	}

	/**
	 * Places an order, as "buy now" or through the cart. A resident told that something sold out takes
	 * it out (or fewer of it) and submits once more; any other refusal ends the attempt (empty).
	 */
	public Optional<Order> order(AccountId resident, String idempotencyKey, List<OrderItem> items, boolean viaCart) {
		var order = submit(resident, idempotencyKey, items, viaCart);
		// the app takes the resident on to the cashier right after the submit: the payment opens there
		order.filter(o -> o.status() == OrderStatus.PENDING_PAYMENT).ifPresent(o -> placement.openPayment(resident, o.id()));
		return order;
	}

	private Optional<Order> submit(AccountId resident, String idempotencyKey, List<OrderItem> items, boolean viaCart) {
		try {
			return Optional.of(viaCart ? throughCart(resident, idempotencyKey, items)
					: placement.place(new PlaceOrder(resident, idempotencyKey, items)));
		}
		catch (BusinessRuleException e) {
			if (viaCart || !"sold-out".equals(e.code())) {
				return Optional.empty();
			}
		}
		var left = stillAvailable(items);
		if (left.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(placement.place(new PlaceOrder(resident, idempotencyKey, left)));
		}
		catch (BusinessRuleException e) {
			return Optional.empty();
		}
	}

	/** The cart keeps what could not be ordered (sold out meanwhile), as a real cart does. */
	private Order throughCart(AccountId resident, String idempotencyKey, List<OrderItem> items) {
		for (OrderItem item : items) {
			carts.add(resident, item.listingId(), item.quantity());
		}
		return carts.checkout(resident, idempotencyKey);
	}

	private List<OrderItem> stillAvailable(List<OrderItem> items) {
		var now = listings.listings(items.stream().map(OrderItem::listingId).toList());
		List<OrderItem> left = new ArrayList<>();
		for (OrderItem item : items) {
			var listing = now.get(item.listingId());
			int quantity = listing == null ? 0 : Math.min(item.quantity(), listing.remaining());
			if (quantity > 0) {
				left.add(new OrderItem(item.listingId(), quantity));
			}
		}
		return left;
	}

	/** The simulated bank's transaction of an order's payment. */
	public String transactionOf(OrderId order) {
		return payments.get(OrderManagement.merchantReference(order)).providerTransactionId();
	}

	public Optional<Order> find(OrderId order) {
		return orders.find(order);
	}

	/** The payment window of unpaid orders passes: they are cancelled and their units go back. */
	public int expireUnpaid() {
		return orders.expireUnpaid();
	}

	/** Cancels a paid order before cutoff (full refund); empty when it can no longer be cancelled. */
	public Optional<Order> cancel(AccountId resident, OrderId order) {
		var current = orders.get(order);
		if (current.status() != OrderStatus.PAID) {
			return Optional.empty();
		}
		try {
			return Optional.of(orders.cancelByResident(resident, order));
		}
		catch (BusinessRuleException e) {
			return Optional.empty();
		}
	}

	/** The leader hands out an order by its code: everything, or only {@code lines}. */
	public Order collect(PickupPointId point, String pickupCode, Collection<OrderLineId> lines) {
		return fulfilment.verifyPickup(point, pickupCode, lines);
	}
}
