package com.linli.shared.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A consuming module's durable queue {@code linli.<module>} on the topic exchange {@value #EXCHANGE}, bound to the
 * routing keys (event types' simple names, as {@code @Externalized} names them) it has handlers for. Declared as a
 * bean by the module under {@link BrokerEvents}; {@link RabbitEvents} declares the queue and its bindings and
 * consumes it: each node is one competing consumer, so one node handles each message. Each handler applies an
 * event once: it runs in a transaction that first claims {@code (event id, consumer)} in the module's
 * {@code event_inbox}.
 */
public final class EventQueue {

	/** The topic exchange every externalised event goes to. */
	public static final String EXCHANGE = "linli.events";

	private final String module;

	private final Map<String, List<Handler<?>>> handlers = new LinkedHashMap<>();

	private String queueName;

	private EventQueue(String module) {
		this.module = module;
		this.queueName = "linli." + module;
	}

	/** The queue of {@code module}; its inbox is table {@code <module>.event_inbox}. */
	public static EventQueue of(String module) {
		if (!module.matches("[a-z]+")) {
			throw new IllegalArgumentException("a module name, not " + module);
		}
		return new EventQueue(module);
	}

	/**
	 * {@code handler} takes events of {@code type} (routing key = its simple name); {@code consumer} names it in
	 * the inbox, so two handlers of one event in a module each apply it once.
	 */
	public <T> EventQueue on(Class<T> type, String consumer, Consumer<? super T> handler) {
		handlers.computeIfAbsent(type.getSimpleName(), k -> new ArrayList<>()).add(new Handler<>(type, consumer, handler));
		return this;
	}

	public String module() {
		return module;
	}

	public String queueName() {
		return queueName;
	}

	/** A queue of the module's other than {@code linli.<module>}: its own copy of each event it is bound to. */
	public EventQueue queue(String name) {
		if (!name.startsWith("linli." + module + ".")) {
			throw new IllegalArgumentException("a queue of module " + module + " is named linli." + module + ".*");
		}
		this.queueName = name;
		return this;
	}

	/** Where a message this queue's handlers refuse after their retries goes, to be looked at (never dropped). */
	public String deadLetterQueueName() {
		return queueName() + ".dead";
	}

	List<String> routingKeys() {
		return List.copyOf(handlers.keySet());
	}

	List<Handler<?>> handlers(String routingKey) {
		return handlers.getOrDefault(routingKey, List.of());
	}

	record Handler<T>(Class<T> type, String consumer, Consumer<? super T> handler) {

		void apply(Object event) {
			handler.accept(type.cast(event));
		}
	}
}
