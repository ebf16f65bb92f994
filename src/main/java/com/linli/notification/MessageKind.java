package com.linli.notification;

import java.util.Arrays;

/**
 * What a message is about. Each kind knows its audience and whether it is also sent through the
 * outbound channels (SMS, WeChat): only what a person should learn away from the app is; a payment
 * confirmation, seen at the cashier, stays in the app.
 */
public enum MessageKind {

	ORDER_PAID(Audience.RESIDENT, false),
	ORDER_READY(Audience.RESIDENT, true),
	PICKUP_REMINDER(Audience.RESIDENT, true),
	REFUND(Audience.RESIDENT, true),
	ORDER_CANCELLED(Audience.RESIDENT, false),
	LEADER_REFUND(Audience.LEADER, false),
	LEADER_PICKUP_SUMMARY(Audience.LEADER, true),
	PAYMENT_MISMATCH(Audience.STAFF, false),
	COUPON_EXPIRING(Audience.RESIDENT, false),
	AFTERSALES_UPDATE(Audience.RESIDENT, true),
	REVIEW_HIDDEN(Audience.RESIDENT, false),
	LEADER_AFTERSALES(Audience.LEADER, false),
	COMPLAINT_ESCALATED(Audience.STAFF, false),
	QUALITY_ALERT(Audience.STAFF, false),
	LEDGER_MISMATCH(Audience.STAFF, false),
	LEADER_DELIVERY_LATE(Audience.LEADER, true),
	DELIVERY_LATE(Audience.STAFF, false),
	SEGMENT_MESSAGE(Audience.RESIDENT, false),
	ANALYTICS_ALERT(Audience.STAFF, true);

	private final Audience audience;

	private final boolean outbound;

	MessageKind(Audience audience, boolean outbound) {
		this.audience = audience;
		this.outbound = outbound;
	}

	public Audience audience() {
		return audience;
	}

	/** Also sent through the outbound channels, not only shown in the app. */
	public boolean outbound() {
		return outbound;
	}

	/** The kinds shown to an audience. */
	public static MessageKind[] of(Audience audience) {
		return Arrays.stream(values()).filter(k -> k.audience == audience).toArray(MessageKind[]::new);
	}
}
