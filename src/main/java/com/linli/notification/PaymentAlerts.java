package com.linli.notification;

import java.util.regex.Pattern;

import com.linli.identity.AccountId;
import com.linli.notification.internal.Notifier;
import com.linli.notification.internal.Notifier.Notice;
import com.linli.payment.PaymentMismatchFound;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts the payment reconciliation's alarms in the inbox of every enabled platform admin: a payment
 * recorded here that its provider disagrees with may be a forged notification, and someone has to decide
 * what becomes of its order. Admins rather than operators, because a payment belongs to no region.
 */
@Component
class PaymentAlerts {

	private static final Pattern ORDER_REFERENCE = Pattern.compile("order:(\\d{1,18})");

	private final Notifier notifier;

	private final StaffDirectory directory;

	PaymentAlerts(Notifier notifier, StaffDirectory directory) {
		this.notifier = notifier;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(PaymentMismatchFound event) {
		String key = "notification.paymentMismatch." + event.kind();
		Object[] body = { event.merchantReference(), event.platformAmount().toString(), event.platformStatus().name(),
				event.providerState(), event.providerAmount() == null ? "—" : event.providerAmount().toString() };
		for (AccountId admin : directory.admins()) {
			notifier.post(new Notice(admin, MessageKind.PAYMENT_MISMATCH,
					"payment-mismatch:" + event.paymentId() + ":" + event.kind() + ":" + admin.value(),
					link(event.merchantReference()), key, new Object[] { event.merchantReference() }, body));
		}
	}

	/** The console page of the order paid by the payment, when it is an order's. */
	static String link(String merchantReference) {
		var order = ORDER_REFERENCE.matcher(merchantReference);
		return order.matches() ? "/console/orders/" + order.group(1) : null;
	}
}
