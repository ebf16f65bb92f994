package com.linli.ordering;

import com.linli.ordering.internal.OrderPayments;
import com.linli.ordering.internal.OrderRefunds;
import com.linli.payment.PaymentSucceeded;
import com.linli.payment.RefundSucceeded;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to the payment module. Runs after the payment's transaction committed, in its own; the
 * event publication registry re-delivers it after a crash, and applying twice changes nothing.
 * No user is signed in here: the platform acts (nothing it calls reads who the caller is).
 */
@Component
class OrderPaymentListener {

	private final OrderPayments payments;

	private final OrderRefunds refunds;

	OrderPaymentListener(OrderPayments payments, OrderRefunds refunds) {
		this.payments = payments;
		this.refunds = refunds;
	}

	@ApplicationModuleListener
	void on(PaymentSucceeded event) {
		OrderManagement.fromMerchantReference(event.merchantReference())
			.ifPresent(id -> payments.paymentArrived(id, event.amount(), event.paidAt()));
	}

	@ApplicationModuleListener
	void on(RefundSucceeded event) {
		refunds.completed(event.refundReference());
	}
}
