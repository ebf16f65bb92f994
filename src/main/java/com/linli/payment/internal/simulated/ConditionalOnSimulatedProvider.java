package com.linli.payment.internal.simulated;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The simulated bank exists only while {@code linli.payment.provider=simulated} (the default). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "linli.payment.provider", havingValue = SimulatedPaymentProvider.NAME, matchIfMissing = true)
@interface ConditionalOnSimulatedProvider {
}
