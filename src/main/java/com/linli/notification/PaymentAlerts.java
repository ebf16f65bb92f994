package com.linli.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.linli.identity.Account;
import com.linli.identity.AccountManagement;
import com.linli.identity.Role;
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

	private static final int PAGE = 100;

	private final Notifier notifier;

	private final AccountManagement accounts;

	PaymentAlerts(Notifier notifier, AccountManagement accounts) {
		this.notifier = notifier;
		this.accounts = accounts;
	}

	@ApplicationModuleListener
	void on(PaymentMismatchFound event) {
		String key = "notification.paymentMismatch." + event.kind();
		Object[] body = { event.merchantReference(), event.platformAmount().toString(), event.platformStatus().name(),
				event.providerState(), event.providerAmount() == null ? "—" : event.providerAmount().toString() };
		for (Account admin : admins()) {
			notifier.post(new Notice(admin.id(), MessageKind.PAYMENT_MISMATCH,
					"payment-mismatch:" + event.paymentId() + ":" + event.kind() + ":" + admin.id().value(),
					link(event.merchantReference()), key, new Object[] { event.merchantReference() }, body));
		}
	}

	private List<Account> admins() {
		List<Account> admins = new ArrayList<>();
		for (int page = 0;; page++) {
			var found = accounts.search(null, Role.PLATFORM_ADMIN, page, PAGE).items();
			found.stream().filter(Account::enabled).forEach(admins::add);
			if (found.size() < PAGE) {
				return admins;
			}
		}
	}

	/** The console page of the order paid by the payment, when it is an order's. */
	static String link(String merchantReference) {
		var order = ORDER_REFERENCE.matcher(merchantReference);
		return order.matches() ? "/console/orders/" + order.group(1) : null;
	}
}
