package com.linli.notification;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

import com.linli.marketing.CouponExpiringSoon;
import com.linli.notification.internal.Notifier;
import com.linli.notification.internal.Notifier.Notice;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells residents that a coupon of theirs ends within three days (marketing's nightly coupon job says so once
 * per coupon); a redelivered event finds its message's dedupe key taken and writes nothing.
 */
@Component
class CouponNotifications {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifier notifier;

	private final Clock clock;

	CouponNotifications(Notifier notifier, Clock clock) {
		this.notifier = notifier;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CouponExpiringSoon event) {
		String until = WHEN.format(event.validUntil().atZone(clock.getZone()));
		notifier.post(new Notice(event.residentId(), MessageKind.COUPON_EXPIRING, "coupon-expiring:" + event.couponId(),
				"/shop/coupons", "notification.couponExpiring", new Object[] { event.templateName() },
				new Object[] { event.templateName(), until }));
	}
}
