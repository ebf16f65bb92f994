package com.linli.shared.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a message from a module's queue once per handler: in one transaction it claims
 * {@code (event id, consumer)} in the module's {@code event_inbox} and runs the handler; a claim that exists
 * (a redelivery after a crash between commit and ack, a second externalisation of the same publication) skips
 * the handler. The event id is the SHA-256 of the routing key and the body: the publication registry keeps the
 * event, so every externalisation of one publication carries the same body. A handler that throws rolls its
 * claim back and the message is retried, then dead-lettered (never acked as done).
 */
final class EventInbox {

	private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	EventInbox(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	void deliver(EventQueue queue, Message message) {
		String type = message.getMessageProperties().getReceivedRoutingKey();
		var handlers = queue.handlers(type);
		if (handlers.isEmpty()) {
			// a binding this version no longer has: nothing here wants it
			log.warn("{}: no handler for events {}", queue.queueName(), type);
			return;
		}
		String eventId = eventId(type, message.getBody());
		for (var handler : handlers) {
			Object event = json.readValue(message.getBody(), handler.type());
			transactions.executeWithoutResult(status -> {
				if (claim(queue.module(), eventId, handler.consumer(), type)) {
					handler.apply(event);
				}
			});
		}
	}

	/** False when this consumer applied the event before (a concurrent twin waits on the key, then sees it). */
	private boolean claim(String module, String eventId, String consumer, String type) {
		return jdbc.sql("insert into " + module + ".event_inbox (event_id, consumer, event_type, processed_at)"
				+ " values (?, ?, ?, ?) on conflict do nothing")
			.params(eventId, consumer, type, Timestamp.from(clock.instant()))
			.update() == 1;
	}

	static String eventId(String type, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(type.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			return HexFormat.of().formatHex(digest.digest(body));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
