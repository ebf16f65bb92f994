package com.linli.shared.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** On what exists only with {@code linli.events.broker=rabbitmq}: a module's {@link EventQueue}, the broker's beans. */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = BrokerSwitch.PROPERTY, havingValue = BrokerSwitch.RABBITMQ)
public @interface BrokerEvents {
}
