package com.linli.payment.internal;

/** An incoming provider notification whose signature is missing, wrong or stale: it changes nothing. */
public class NotificationRejected extends RuntimeException {

	public NotificationRejected(String message) {
		super(message);
	}
}
