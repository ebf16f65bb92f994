package com.linli.payment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only listener: collects the payment module's events once their transaction has committed, as
 * another module's listener would see them. Part of the context shared by all integration tests, so
 * tests count only the events of their own merchant references.
 */
@Component
public class PaymentEventsRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(PaymentSucceeded event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(PaymentClosed event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(RefundSucceeded event) {
		events.add(event);
	}

	@TransactionalEventListener
	void on(PaymentMismatchFound event) {
		events.add(event);
	}

	public List<PaymentMismatchFound> mismatches(String merchantReference) {
		return of(PaymentMismatchFound.class).stream().filter(e -> e.merchantReference().equals(merchantReference))
			.toList();
	}

	public List<PaymentSucceeded> succeeded(String merchantReference) {
		return of(PaymentSucceeded.class).stream().filter(e -> e.merchantReference().equals(merchantReference)).toList();
	}

	public List<PaymentClosed> closed(String merchantReference) {
		return of(PaymentClosed.class).stream().filter(e -> e.merchantReference().equals(merchantReference)).toList();
	}

	public List<RefundSucceeded> refunds(String merchantReference) {
		return of(RefundSucceeded.class).stream().filter(e -> e.merchantReference().equals(merchantReference)).toList();
	}

	private <T> List<T> of(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}
}
