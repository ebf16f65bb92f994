package com.linli.shared.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.marketing.Listing;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderPaid;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Events on a real RabbitMQ ({@code linli.events.broker=rabbitmq}), started by this class: paid orders reach
 * analytics' facts and notification's messages from their queues, each once; a consumer stopped in the middle of
 * a stream catches up with nothing lost, and messages redelivered by hand change nothing; a broker stopped in the
 * middle loses no event (the externalisations stay incomplete in the registry and are sent again once it is back).
 * A probe handler in analytics' inbox counts its calls: the inbox, not only the facts' own keys, keeps an event
 * from being applied twice. One Spring context of its own (the broker's), on the test JVM's PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "linli.events.broker=rabbitmq", "linli.events.resubmit-interval=PT1S",
				"linli.events.resubmit-after=1s", "spring.rabbitmq.listener.simple.retry.initial-interval=100ms" })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerIntegrationTests {

	static RabbitServer rabbit;

	static RabbitListenerEndpointRegistry consumers;

	/** Calls of the probe handler per order id: more than one is an event applied twice. */
	static final Map<Long, AtomicInteger> probed = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitListenerEndpointRegistry listeners;

	@Autowired
	RabbitTemplate rabbitTemplate;

	@Autowired
	AmqpAdmin admin;

	@BeforeAll
	static void startRabbitMq() throws Exception {
		assumeTrue(RabbitServer.installed(),
				"RabbitMQ is not installed (" + RabbitServer.INSTALL + "): the broker tests are skipped");
		rabbit = new RabbitServer(Path.of("target", "rabbitmq-test-" + ProcessHandle.current().pid()));
		Duration startup = rabbit.start();
		System.out.println("RabbitMQ started in " + startup.toMillis() + " ms");
	}

	@AfterAll
	static void stopRabbitMq() throws Exception {
		// the consumers first, so that they do not try to reconnect until the context closes (@DirtiesContext)
		if (consumers != null) {
			consumers.stop();
		}
		if (rabbit != null) {
			rabbit.close();
		}
	}

	@DynamicPropertySource
	static void rabbitMq(DynamicPropertyRegistry registry) {
		registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
		registry.add("spring.rabbitmq.port", () -> rabbit.port());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		EventQueue probeEventQueue() {
			return EventQueue.of("analytics")
				.queue("linli.analytics.probe")
				.on(OrderPaid.class, "probe",
						paid -> probed.computeIfAbsent(paid.orderId().value(), k -> new AtomicInteger()).incrementAndGet());
		}
	}

	@Test
	@Order(1)
	void eachPaidOrderCountsOnceFromTheQueues() {
		consumers = listeners;
		assertThat(context.getBeanNamesForType(classNamed("com.linli.analytics.internal.facts.FactsListener")))
			.as("with the broker the in-process facts listener is not made").isEmpty();
		var shop = new Shop();
		List<Long> orders = shop.pay(3);
		awaitEquals(orders.size(), () -> paidFacts(orders), "facts of the paid orders");
		awaitEquals(orders.size(), () -> paidMessages(orders), "messages of the paid orders");
		awaitEquals(orders.size(), () -> probedOnce(orders), "probe calls");
		assertThat(shop.regionOrders()).isEqualTo(orders.size());
	}

	@Test
	@Order(2)
	void aStoppedConsumerCatchesUpAndARedeliveryChangesNothing() throws Exception {
		var shop = new Shop();
		List<Long> before = shop.pay(2);
		awaitEquals(2, () -> paidFacts(before), "facts before the consumer stops");
		listeners.getListenerContainer("linli.analytics").stop();
		listeners.getListenerContainer("linli.analytics.probe").stop();
		List<Long> during = shop.pay(3);
		awaitEquals(3, () -> queued("linli.analytics.probe"), "messages waiting for the stopped probe");
		awaitEquals(3, () -> queued("linli.analytics"), "messages waiting for the stopped consumer");
		assertThat(paidFacts(during)).as("nothing applied while the consumer is down").isZero();
		// a message taken off the queue and put back twice: as a broker redelivers after a crash before the ack
		Message message = rabbitTemplate.receive("linli.analytics.probe", 5_000);
		assertThat(message).isNotNull();
		for (int i = 0; i < 3; i++) {
			rabbitTemplate.send(EventQueue.EXCHANGE, "OrderPaid", message);
		}
		listeners.getListenerContainer("linli.analytics").start();
		listeners.getListenerContainer("linli.analytics.probe").start();
		awaitEquals(3, () -> paidFacts(during), "facts after the consumer came back");
		awaitEquals(0, () -> queued("linli.analytics.probe") + queued("linli.analytics"), "queues drained");
		awaitEquals(3, () -> probedOnce(during), "probe calls");
		assertThat(shop.regionOrders()).as("each paid order counted once").isEqualTo(5);
		assertThat(paidMessages(during)).isEqualTo(3);
	}

	@Test
	@Order(3)
	void aBrokerStoppedInTheMiddleLosesNothing() throws Exception {
		var shop = new Shop();
		List<Long> before = shop.pay(1);
		awaitEquals(1, () -> paidFacts(before), "facts before the broker stops");
		rabbit.stop();
		List<Long> during = shop.pay(2);
		long restart = System.nanoTime();
		rabbit.start();
		awaitEquals(2, () -> paidFacts(during), "facts after the broker came back");
		System.out.println("RabbitMQ restarted and the events caught up in "
				+ Duration.ofNanos(System.nanoTime() - restart).toMillis() + " ms");
		awaitEquals(2, () -> paidMessages(during), "messages after the broker came back");
		awaitEquals(2, () -> probedOnce(during), "probe calls");
		assertThat(shop.regionOrders()).isEqualTo(3);
	}

	/** A region of its own, so its facts are this test's. */
	class Shop {

		final OrderingFixtures world = new OrderingFixtures(context, port);

		final FulfilmentFixtures orders = new FulfilmentFixtures(world, port);

		final Listing pears = world.listing("砀山酥梨", "12.34", 100, 10);

		List<Long> pay(int count) {
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Api resident = world.resident();
				ids.add(orders.paidOrder(resident, pears, 1).get("id").asLong());
			}
			return ids;
		}

		long regionOrders() {
			return jdbc.sql("select coalesce(sum(orders), 0) from analytics.daily_region where region_id = ?")
				.param(world.region.id().value())
				.query(Long.class)
				.single();
		}
	}

	long paidFacts(List<Long> orders) {
		return jdbc.sql("select count(*) from analytics.fact_event where key = any(?)")
			.param(orders.stream().map(id -> "paid:" + id).toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	long paidMessages(List<Long> orders) {
		return jdbc.sql("select count(*) from notification.message where dedupe_key = any(?)")
			.param(orders.stream().map(id -> "paid:" + new OrderId(id)).toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	static long probedOnce(List<Long> orders) {
		return orders.stream().filter(id -> probed.containsKey(id) && probed.get(id).get() == 1).count();
	}

	long queued(String queue) {
		var info = admin.getQueueInfo(queue);
		return info == null ? -1 : info.getMessageCount();
	}

	static void awaitEquals(long expected, LongSupplier actual, String what) {
		Deadline deadline = Deadline.inMillis(30_000);
		long value = actual.getAsLong();
		while (value != expected && !deadline.passed()) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			value = actual.getAsLong();
		}
		assertThat(value).as(what).isEqualTo(expected);
	}

	static Class<?> classNamed(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}
}
