package com.linli.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payments made at the bank whose effect on the order (the bank's signed notification, then the order
 * becoming PAID) has not been seen yet. Before the simulated clock passes an order's payment window
 * or jumps far ahead, or before a step that needs paid orders (a cancellation, the cutoff), the
 * simulator settles them:
 * it waits until each order has left PENDING_PAYMENT and hands it to the payment's callback.
 */
public final class PendingPayments {

	private static final Logger log = LoggerFactory.getLogger(PendingPayments.class);

	/** Settle this long before the earliest payment window closes. */
	static final Duration MARGIN = Duration.ofSeconds(30);

	static final Duration LONG_JUMP = Duration.ofMinutes(4);

	static final Duration PATIENCE = Duration.ofSeconds(30);

	private record Pending(OrderId order, Instant expiresAt, CompletableFuture<BankCashier.Outcome> payment,
			Consumer<Order> settled) {
	}

	private final ResidentActions residents;

	private final List<Pending> pending = new ArrayList<>();

	private Instant earliestExpiry;

	private Instant earliestPayment;

	public PendingPayments(ResidentActions residents) {
		this.residents = residents;
	}

	/** A payment made at {@code paidAt} (simulated) for an order whose window closes at {@code expiresAt}. */
	public void add(OrderId order, Instant paidAt, Instant expiresAt, CompletableFuture<BankCashier.Outcome> payment,
			Consumer<Order> settled) {
		pending.add(new Pending(order, expiresAt, payment, settled));
		earliestPayment = earliestPayment == null || paidAt.isBefore(earliestPayment) ? paidAt : earliestPayment;
		earliestExpiry = earliestExpiry == null || expiresAt.isBefore(earliestExpiry) ? expiresAt : earliestExpiry;
	}

	/**
	 * Settles everything if the clock is about to pass a payment window, or to move far past a payment:
	 * a notification signed before and checked after the clock moved more than five minutes would look
	 * stale to the platform and wait for the bank's retry.
	 */
	public void settleBefore(Instant next) {
		boolean windowCloses = earliestExpiry != null && !next.plus(MARGIN).isBefore(earliestExpiry);
		boolean farAhead = earliestPayment != null && Duration.between(earliestPayment, next).compareTo(LONG_JUMP) > 0;
		if (windowCloses || farAhead) {
			settle();
		}
	}

	/** Waits for every payment made and its order's reaction, then tells each payment's callback. */
	public void settle() {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		List<Pending> open = new ArrayList<>();
		for (Pending p : pending) {
			try {
				if (p.payment().join().paid()) {
					open.add(p);
					continue;
				}
			}
			catch (CompletionException e) {
				log.warn("Day simulator: paying order {} failed: {}", p.order(), e.getCause().getMessage());
			}
			p.settled().accept(residents.find(p.order()).orElseThrow());
		}
		pending.clear();
		earliestExpiry = null;
		earliestPayment = null;
		while (!open.isEmpty()) {
			// notifications arrive about in payment order: wait on the latest payment, then look at the rest once
			Pending latest = open.get(open.size() - 1);
			while (isPending(residents.find(latest.order()).orElseThrow()) && System.nanoTime() < deadline) {
				pause();
			}
			List<Pending> still = new ArrayList<>();
			for (Pending p : open) {
				Order order = residents.find(p.order()).orElseThrow();
				if (!isPending(order) || System.nanoTime() > deadline) {
					if (isPending(order)) {
						log.warn("Day simulator: order {} was paid at the bank but is still unpaid after {}s; going on",
								order.orderNo(), PATIENCE.toSeconds());
					}
					p.settled().accept(order);
				}
				else {
					still.add(p);
				}
			}
			open = still;
		}
	}

	private static boolean isPending(Order order) {
		return order.status() == OrderStatus.PENDING_PAYMENT;
	}

	private static void pause() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}
}
