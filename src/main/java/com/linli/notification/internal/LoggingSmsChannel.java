package com.linli.notification.internal;

import com.linli.notification.OutboundChannel;
import com.linli.notification.OutboundMessage;
import com.linli.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The SMS channel of development and demos: writes each SMS to the log ({@code SMS to 138****0003: ...},
 * the number masked) instead of handing it to an SMS gateway. Its deliveries are recorded under the
 * name {@code sms-log}, so nobody mistakes them for texts that reached a phone. A real gateway is
 * another {@link OutboundChannel} bean; switch this one off with
 * {@code linli.notification.sms-log.enabled=false}.
 */
@Component
class LoggingSmsChannel implements OutboundChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

	private final boolean enabled;

	LoggingSmsChannel(NotificationProperties properties) {
		this.enabled = properties.smsLog().enabled();
	}

	@Override
	public String name() {
		return "sms-log";
	}

	@Override
	public boolean supports(Recipient recipient) {
		return enabled && recipient.phone() != null && recipient.phone().matches("1\\d{10}");
	}

	@Override
	public void send(OutboundMessage message) {
		log.info("SMS to {}: 【邻里】{} {}", mask(message.recipient().phone()), message.title(), message.body());
	}

	/** 13800000003 -> 138****0003: the log never holds a whole phone number. */
	static String mask(String phone) {
		if (phone == null || phone.length() < 8) {
			return "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}
}
