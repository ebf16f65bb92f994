package com.linli.shared.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.linli.shared.JobLock;

/**
 * The broker's side of {@code linli.events.broker=rabbitmq}: the topic exchange {@value EventQueue#EXCHANGE},
 * each module's durable queue (with its dead-letter queue) and bindings, one listener container per queue
 * (id {@code linli.<module>}, on this node a competing consumer of the others), and the publisher's guarantees:
 * sends wait for the broker's confirm ({@link RabbitTransport}), and externalisations that failed
 * (the broker was down) are sent again every {@code linli.events.resubmit-interval} by one node at a time, not
 * only at the next restart.
 */
@Configuration(proxyBeanMethods = false)
@BrokerEvents
class RabbitEvents {

	private static final Logger log = LoggerFactory.getLogger(RabbitEvents.class);

	/** The externaliser's listener id in the publication registry starts with its class name. */
	static final String EXTERNALIZER = EventExternalizerModuleListener.class.getName();

	@Bean
	Declarables eventQueues(List<EventQueue> queues) {
		List<Declarable> declarables = new ArrayList<>();
		declarables.add(ExchangeBuilder.topicExchange(EventQueue.EXCHANGE).durable(true).build());
		for (EventQueue queue : queues) {
			declarables.add(QueueBuilder.durable(queue.deadLetterQueueName()).build());
			declarables.add(QueueBuilder.durable(queue.queueName())
				.deadLetterExchange("")
				.deadLetterRoutingKey(queue.deadLetterQueueName())
				.build());
			for (String key : queue.routingKeys()) {
				declarables.add(new Binding(queue.queueName(), Binding.DestinationType.QUEUE, EventQueue.EXCHANGE, key,
						null));
			}
		}
		return new Declarables(declarables);
	}

	@Bean
	EventInbox eventInbox(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json,
			Clock clock) {
		return new EventInbox(jdbc, new TransactionTemplate(transactionManager), json, clock);
	}

	@Bean
	RabbitListenerConfigurer eventQueueListeners(List<EventQueue> queues, EventInbox inbox) {
		return registrar -> {
			for (EventQueue queue : queues) {
				var endpoint = new SimpleRabbitListenerEndpoint();
				endpoint.setId(queue.queueName());
				endpoint.setQueueNames(queue.queueName());
				endpoint.setMessageListener(message -> inbox.deliver(queue, message));
				registrar.registerEndpoint(endpoint);
			}
		};
	}

	/**
	 * Spring Modulith's externaliser: an {@code @ApplicationModuleListener} of the {@code @Externalized} events, so
	 * each externalisation is a publication in the registry, complete once {@link RabbitTransport} returned.
	 */
	@Bean
	EventExternalizerModuleListener rabbitEventExternalizer(EventExternalizationConfiguration configuration,
			RabbitTemplate template, JsonMapper json,
			@Value("${linli.events.confirm-timeout:10s}") Duration confirmTimeout) {
		return new EventExternalizerModuleListener(configuration, new RabbitTransport(template, json, confirmTimeout));
	}

	@Bean
	ExternalizationResubmission externalizationResubmission(IncompleteEventPublications incomplete,
			DataSource dataSource, Clock clock, @Value("${linli.events.resubmit-after:30s}") Duration after) {
		return new ExternalizationResubmission(incomplete, dataSource, clock, after);
	}

	/**
	 * Externalisations still incomplete some time after their event (the broker refused or was unreachable) are sent
	 * again; a message the broker did get twice is applied once by the consumers' inboxes. In-process listeners are
	 * left to the restart, as without a broker.
	 */
	static class ExternalizationResubmission {

		private final IncompleteEventPublications incomplete;

		private final DataSource dataSource;

		private final Clock clock;

		private final Duration after;

		ExternalizationResubmission(IncompleteEventPublications incomplete, DataSource dataSource, Clock clock,
				Duration after) {
			this.incomplete = incomplete;
			this.dataSource = dataSource;
			this.clock = clock;
			this.after = after;
		}

		@Scheduled(fixedDelayString = "${linli.events.resubmit-interval:PT15S}",
				initialDelayString = "${linli.events.resubmit-interval:PT15S}")
		void resubmit() {
			try (var lock = JobLock.tryAcquire(dataSource, "events-externalization-resubmit").orElse(null)) {
				if (lock == null) {
					return;
				}
				var before = clock.instant().minus(after);
				incomplete.resubmitIncompletePublications(publication -> publication.getPublicationDate().isBefore(before)
						&& publication instanceof TargetEventPublication target
						&& target.getTargetIdentifier().getValue().startsWith(EXTERNALIZER));
			}
			catch (RuntimeException e) {
				log.warn("Resubmitting externalisations failed; next round", e);
			}
		}
	}

}
