package com.linli.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends the login page back with the reason: wrong password, too many attempts (and how long to wait), or disabled. */
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof SignInThrottle.Throttled throttled) {
			response.sendRedirect(request.getContextPath() + "/login?error=throttled&wait=" + throttled.retryAfterSeconds());
			return;
		}
		String reason = exception instanceof DisabledException ? "disabled" : "bad";
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}
}
