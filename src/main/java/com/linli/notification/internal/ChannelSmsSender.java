package com.linli.notification.internal;

import java.util.List;

import com.linli.notification.OutboundChannel;
import com.linli.notification.OutboundMessage;
import com.linli.notification.Recipient;
import com.linli.shared.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link SmsSender} through the outbound channels whose name says SMS ({@code sms-log} in development and demos,
 * a gateway in production): a text to a number, not to an account, so there is no in-app message and no
 * delivery record. Sent after the caller's transaction commits; a failing gateway is logged, never thrown.
 */
@Component
class ChannelSmsSender implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(ChannelSmsSender.class);

	private final List<OutboundChannel> channels;

	ChannelSmsSender(List<OutboundChannel> channels) {
		this.channels = List.copyOf(channels);
	}

	@Override
	public void send(String phone, String text) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sendNow(phone, text);
				}
			});
		}
		else {
			sendNow(phone, text);
		}
	}

	private void sendNow(String phone, String text) {
		var recipient = new Recipient(null, phone, null);
		var message = new OutboundMessage(null, null, recipient, "", text, null);
		for (OutboundChannel channel : channels) {
			if (!channel.name().startsWith("sms") || !channel.supports(recipient)) {
				continue;
			}
			try {
				channel.send(message);
			}
			catch (RuntimeException e) {
				log.warn("SMS to a phone not sent through {}: {}", channel.name(), e.getMessage());
			}
		}
	}
}
