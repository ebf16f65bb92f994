package com.linli.identity.internal;

import java.io.IOException;
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
 * Authenticates API calls carrying {@code Authorization: Bearer <token>}. Every request reads its token's
 * row, joined to its enabled account's security version, by primary key (one indexed query of a few
 * hundred microseconds): a sign-out, a blocked account or a new password (tokens deleted, version raised)
 * is refused on every node at the next request, with no message between nodes to lose or to wait for. Only
 * the account's principal (roles, regions) is kept in memory, and only while the database still shows the
 * version it was built under. Cheaper designs that trust a node's memory for a while (the former two-minute
 * token cache, or a cache checked against a revocation generation, still one read per request) either let a
 * revoked token live on elsewhere or save nothing. An account that must choose a new password may only do
 * that (and read itself, sign out).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	/** What an account that must choose a new password may still call. */
	private static final java.util.Set<String> PASSWORD_CHANGE = java.util.Set.of("/api/me", "/api/me/password",
			"/api/auth/logout");

	private final ApiTokens tokens;

	private final AccountDetailsService accounts;

	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	BearerTokenFilter(ApiTokens tokens, AccountDetailsService accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
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
		var holder = tokens.accountOf(token);
		if (holder.isEmpty()) {
			return null;
		}
		long account = holder.get().accountId();
		long version = holder.get().securityVersion();
		Cached cached = cache.get(account);
		if (cached != null && cached.version == version) {
			return cached.principal;
		}
		LinliPrincipal principal = accounts.principal(account);
		if (principal != null) {
			if (cache.size() > 100_000) {
				cache.clear();
			}
			cache.put(account, new Cached(principal, version));
		}
		return principal;
	}

	/** A changed account (also one whose security version did not move) is built again on its next request here. */
	@org.springframework.context.event.EventListener
	void forget(com.linli.identity.AccountChanged changed) {
		cache.remove(changed.accountId().value());
	}

	private static void passwordChangeRequired(HttpServletResponse response) throws IOException {
		response.setStatus(403);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"https://linli.dev/problems/password-change-required\","
				+ "\"title\":\"Password change required\",\"status\":403,\"code\":\"password-change-required\","
				+ "\"detail\":\"" + Text.of("identity.problem.passwordChangeFirst").inReadersLanguage() + "\"}");
	}

	private record Cached(LinliPrincipal principal, long version) {
	}

}
