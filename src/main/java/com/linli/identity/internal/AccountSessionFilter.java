package com.linli.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session at its next request once its account has changed: roles or regions, disabled, a new
 * password (the account's security version went up, see {@link Accounts#endSessions}). One indexed read
 * per page request, against the database, so it holds with several nodes. A signed-in account that must
 * choose a new password is sent to do that first.
 */
class AccountSessionFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD = "/account/password";

	private final Accounts accounts;

	AccountSessionFilter(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/images/") || path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof LinliPrincipal principal) {
			var version = accounts.activeSecurityVersion(principal.id());
			if (version.isEmpty() || version.get() != principal.securityVersion()) {
				var session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
				redirect(request, response, "/login?ended");
				return;
			}
			String path = path(request);
			if (principal.passwordChangeRequired() && !path.equals(CHANGE_PASSWORD) && !path.equals("/logout")
					&& !path.equals("/error")) {
				redirect(request, response, CHANGE_PASSWORD);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** A page is redirected; an htmx request is told to load the page instead of swapping it into a fragment. */
	private static void redirect(HttpServletRequest request, HttpServletResponse response, String to)
			throws IOException {
		String location = request.getContextPath() + to;
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", location);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(location);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
