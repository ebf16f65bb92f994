package com.linli.shared.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * On a listener bean whose events can also come from the broker: the bean (and with it its
 * {@code @ApplicationModuleListener}s) exists only with {@code linli.events.broker=none}, the default. With the
 * broker the module's {@link EventQueue} calls the same methods from its queue instead, so an event is never
 * handled both in-process and from the queue.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = BrokerSwitch.PROPERTY, havingValue = BrokerSwitch.NONE, matchIfMissing = true)
public @interface InProcessEvents {
}
