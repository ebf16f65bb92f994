package com.linli.shared.events;

import java.util.Locale;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * {@code linli.events.broker}: {@code none} (the default) keeps every event in-process, as a single node always
 * had them; {@code rabbitmq} externalises the {@code @Externalized} events to RabbitMQ and lets the modules'
 * {@link EventQueue}s consume them. With {@code none} this filter drops every RabbitMQ auto-configuration (Spring
 * Boot's client, listener containers, health indicator; Spring Modulith's externaliser): the client jars are on
 * the class path, but no connection factory exists, nothing connects and the health endpoint does not ask for one.
 */
public final class BrokerSwitch implements AutoConfigurationImportFilter, EnvironmentAware {

	public static final String PROPERTY = "linli.events.broker";

	public static final String NONE = "none";

	public static final String RABBITMQ = "rabbitmq";

	private boolean broker;

	@Override
	public void setEnvironment(Environment environment) {
		String value = environment.getProperty(PROPERTY, NONE).trim().toLowerCase(Locale.ROOT);
		if (!value.equals(NONE) && !value.equals(RABBITMQ)) {
			throw new IllegalStateException(PROPERTY + " is none or rabbitmq, not " + value);
		}
		this.broker = value.equals(RABBITMQ);
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] match = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < match.length; i++) {
			String name = autoConfigurationClasses[i];
			match[i] = broker || name == null || !isRabbit(name);
		}
		return match;
	}

	static boolean isRabbit(String className) {
		String simpleName = className.substring(className.lastIndexOf('.') + 1);
		return simpleName.contains("Rabbit") || className.contains(".amqp.");
	}
}
