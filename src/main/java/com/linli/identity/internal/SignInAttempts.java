package com.linli.identity.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords: after {@code linli.security.max-failures} in a row the account locks for
 * {@code linli.security.lock-minutes}; a good sign-in resets the count. Both go to the audit log.
 */
@Component
class SignInAttempts {

	private final Accounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final int maxFailures;

	private final Duration lockFor;

	SignInAttempts(Accounts accounts, AuditLog audit, Clock clock,
			@Value("${linli.security.max-failures:5}") int maxFailures,
			@Value("${linli.security.lock-minutes:15}") int lockMinutes) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockFor = Duration.ofMinutes(lockMinutes);
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String phone = String.valueOf(event.getAuthentication().getPrincipal()).trim();
		accounts.recordFailure(phone, maxFailures, clock.instant().plus(lockFor));
		audit.record(null, phone, "sign-in.failed", "account:" + phone, null);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof LinliPrincipal principal) {
			accounts.recordSuccess(principal.id());
			audit.record(principal.id(), principal.getUsername(), "sign-in", "account:" + principal.id(), null);
		}
	}
}
