package com.linli.identity.internal;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The address of the client of the current request, if this thread serves one. */
final class ClientAddress {

	private ClientAddress() {
	}

	static String current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}
}
