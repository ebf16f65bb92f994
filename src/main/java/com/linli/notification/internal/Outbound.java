package com.linli.notification.internal;

import java.time.Clock;
import java.util.List;

import com.linli.identity.AccountManagement;
import com.linli.notification.Message;
import com.linli.notification.OutboundChannel;
import com.linli.notification.OutboundMessage;
import com.linli.notification.Recipient;
import com.linli.notification.internal.Deliveries.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands outbound messages to every channel that can reach the recipient, once the transaction that
 * wrote the message has committed: a slow or failing gateway never holds or rolls back the in-app
 * message. Each attempt, sent or failed, is recorded in its own transaction.
 */
@Component
public class Outbound {

	private static final Logger log = LoggerFactory.getLogger(Outbound.class);

	private final List<OutboundChannel> channels;

	private final AccountManagement accounts;

	private final Deliveries deliveries;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	Outbound(List<OutboundChannel> channels, AccountManagement accounts, Deliveries deliveries,
			PlatformTransactionManager transactions, Clock clock) {
		this.channels = List.copyOf(channels);
		this.accounts = accounts;
		this.deliveries = deliveries;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Sends the message after the current transaction commits (at once when there is none). */
	public void sendAfterCommit(Message message) {
		if (!message.kind().outbound() || channels.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send(message);
				}
			});
		}
		else {
			send(message);
		}
	}

	void send(Message message) {
		Recipient recipient;
		try {
			recipient = ownTransaction.execute(s -> {
				var account = accounts.get(message.recipientId());
				return new Recipient(account.id(), account.phone(), account.displayName());
			});
		}
		catch (RuntimeException e) {
			log.warn("Message {} not sent: recipient {} not found", message.id(), message.recipientId(), e);
			return;
		}
		var outbound = new OutboundMessage(message.id(), message.kind(), recipient, message.title(), message.body(),
				message.link());
		for (OutboundChannel channel : channels) {
			if (!channel.supports(recipient)) {
				continue;
			}
			Status status;
			String error = null;
			try {
				channel.send(outbound);
				status = Status.SENT;
			}
			catch (RuntimeException e) {
				status = Status.FAILED;
				error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
				error = error.length() > 500 ? error.substring(0, 500) : error;
				log.warn("Message {} not sent through {}: {}", message.id(), channel.name(), error);
			}
			record(message, channel.name(), status, error);
		}
	}

	private void record(Message message, String channel, Status status, String error) {
		try {
			ownTransaction.executeWithoutResult(s -> deliveries.record(message.id(), channel, status, clock.instant(), error));
		}
		catch (RuntimeException e) {
			log.error("Delivery of message {} through {} ({}) could not be recorded", message.id(), channel, status, e);
		}
	}
}
