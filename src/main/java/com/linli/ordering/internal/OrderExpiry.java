package com.linli.ordering.internal;

import com.linli.ordering.OrderManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few seconds, unpaid orders past their payment window are cancelled and their units released. */
@Component
@ConditionalOnProperty(name = "linli.ordering.expiry.enabled", havingValue = "true", matchIfMissing = true)
class OrderExpiry {

	private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);

	private final OrderManagement orders;

	OrderExpiry(OrderManagement orders) {
		this.orders = orders;
	}

	@Scheduled(fixedDelayString = "${linli.ordering.expiry.interval:PT10S}", initialDelayString = "PT10S")
	void expire() {
		int expired;
		do {
			expired = orders.expireUnpaid();
			if (expired > 0) {
				log.info("Cancelled {} unpaid order(s) past their payment window", expired);
			}
		}
		while (expired >= 500);
	}
}
