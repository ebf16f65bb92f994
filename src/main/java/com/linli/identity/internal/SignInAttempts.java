package com.linli.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords count in the {@link SignInThrottle} (per phone and per client address); a good sign-in
 * forgets the phone's. Both go to the audit log.
 */
@Component
class SignInAttempts {

	private final SignInThrottle throttle;

	private final AuditLog audit;

	SignInAttempts(SignInThrottle throttle, AuditLog audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String phone = String.valueOf(event.getAuthentication().getPrincipal()).trim();
		throttle.failed(phone, ClientAddress.current());
		audit.record(null, phone, "sign-in.failed", "account:" + phone, null);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof LinliPrincipal principal) {
			throttle.succeeded(principal.getUsername());
			audit.record(principal.id(), principal.getUsername(), "sign-in", "account:" + principal.id(), null);
		}
	}
}
