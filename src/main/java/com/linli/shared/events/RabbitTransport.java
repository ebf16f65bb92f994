package com.linli.shared.events;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;

/**
 * Sends an externalised event to RabbitMQ for Spring Modulith's externaliser (whose publication in the registry
 * completes only when this returns): the event as JSON, persistent, to the target's exchange with its key, on a
 * channel of its own that waits for the broker's publisher confirm (confirm type {@code simple}). A refused or
 * late send, or a broker out of reach, throws: the publication stays incomplete and is sent again
 * ({@link RabbitEvents.ExternalizationResubmission}, or the restart). A message the broker did get twice is
 * applied once by the consumers' inboxes. Routing is not checked here: the queues and bindings are declared
 * (RabbitAdmin) when the first connection opens, before anything is sent.
 */
final class RabbitTransport implements EventExternalizationTransport {

	static final String TYPE_HEADER = "linli-event-type";

	private final RabbitTemplate template;

	private final JsonMapper json;

	private final Duration confirmTimeout;

	RabbitTransport(RabbitTemplate template, JsonMapper json, Duration confirmTimeout) {
		this.template = template;
		this.json = json;
		this.confirmTimeout = confirmTimeout;
	}

	@Override
	public CompletableFuture<?> externalize(Object payload, RoutingTarget target) {
		var properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setHeader(TYPE_HEADER, payload.getClass().getName());
		var message = new Message(json.writeValueAsBytes(payload), properties);
		template.invoke(operations -> {
			operations.send(target.getTarget(), target.getKey(), message);
			operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
			return null;
		});
		return CompletableFuture.completedFuture(null);
	}
}
