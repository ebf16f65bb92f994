package com.linli.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.linli.shared.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls carrying {@code Authorization: Bearer <token>}. A resolved token is kept
 * for two minutes, never past its expiry, so a busy client does not cost two queries per request; a
 * logout or a change of the account on this node forgets it at once (other nodes within those two
 * minutes). An account that must choose a new password may only do that (and read itself, sign out).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final long CACHE_MILLIS = 120_000;

	/** What an account that must choose a new password may still call. */
	private static final java.util.Set<String> PASSWORD_CHANGE = java.util.Set.of("/api/me", "/api/me/password",
			"/api/auth/logout");

	private final ApiTokens tokens;

	private final AccountDetailsService accounts;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	BearerTokenFilter(ApiTokens tokens, AccountDetailsService accounts, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).trim();
			LinliPrincipal principal = resolve(token);
			if (principal != null && principal.isEnabled()) {
				if (principal.passwordChangeRequired() && !PASSWORD_CHANGE.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
					passwordChangeRequired(response);
					return;
				}
				var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(auth);
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	private LinliPrincipal resolve(String token) {
		long now = clock.millis();
		Cached cached = cache.get(token);
		if (cached != null && cached.until > now) {
			return cached.principal;
		}
		var holder = tokens.accountOf(token);
		if (holder.isEmpty()) {
			return null;
		}
		LinliPrincipal principal = accounts.principal(holder.get().accountId());
		if (principal != null) {
			if (cache.size() > 100_000) {
				cache.clear();
			}
			cache.put(token, new Cached(principal, Math.min(now + CACHE_MILLIS, holder.get().expiresAt().toEpochMilli())));
		}
		return principal;
	}

	/** A changed account (roles, regions, disabled) is looked up again on its next request. */
	@org.springframework.context.event.EventListener
	void forget(com.linli.identity.AccountChanged changed) {
		cache.values().removeIf(c -> c.principal().id() == changed.accountId().value());
	}

	@org.springframework.context.event.EventListener
	void forget(ApiTokens.TokenRevoked revoked) {
		cache.remove(revoked.token());
	}

	private static void passwordChangeRequired(HttpServletResponse response) throws IOException {
		response.setStatus(403);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"https://linli.dev/problems/password-change-required\","
				+ "\"title\":\"Password change required\",\"status\":403,\"code\":\"password-change-required\","
				+ "\"detail\":\"" + Text.of("identity.problem.passwordChangeFirst").inReadersLanguage() + "\"}");
	}

	private record Cached(LinliPrincipal principal, long until) {
	}

}
