package com.linli.shared.events;

import com.linli.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default {@code linli.events.broker=none} (the shared test context): no RabbitMQ client, no queue consumer,
 * no externaliser exists, and the in-process listeners do.
 */
@IntegrationTest
class InProcessEventsTests {

	@Autowired
	ApplicationContext context;

	@Test
	void withoutTheBrokerNothingOfRabbitMqIsMade() {
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name);
			String typeName = type == null ? "" : type.getName();
			assertThat(typeName).as(name).doesNotContain(".amqp.").doesNotContain("Rabbit");
		}
		assertThat(context.getBeansOfType(EventQueue.class)).isEmpty();
		assertThat(context.getBeanNamesForType(BrokerIntegrationTests
			.classNamed("com.linli.analytics.internal.facts.FactsListener"))).hasSize(1);
		assertThat(context.getBeanNamesForType(BrokerIntegrationTests
			.classNamed("com.linli.notification.OrderNotifications"))).hasSize(1);
	}

	@Test
	void theSwitchDropsRabbitMqAutoConfigurationOnlyWithoutTheBroker() {
		assertThat(BrokerSwitch.isRabbit("org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")).isTrue();
		assertThat(BrokerSwitch.isRabbit("org.springframework.modulith.events.amqp.RabbitEventExternalizerConfiguration"))
			.isTrue();
		assertThat(BrokerSwitch.isRabbit("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"))
			.isFalse();
		var broker = new BrokerSwitch();
		broker.setEnvironment(new org.springframework.mock.env.MockEnvironment().withProperty(BrokerSwitch.PROPERTY,
				"rabbitmq"));
		assertThat(broker.match(new String[] { "x.RabbitAutoConfiguration", null }, null)).containsExactly(true, true);
		var none = new BrokerSwitch();
		none.setEnvironment(new org.springframework.mock.env.MockEnvironment());
		assertThat(none.match(new String[] { "x.RabbitAutoConfiguration", "x.DataSourceAutoConfiguration" }, null))
			.containsExactly(false, true);
	}
}
