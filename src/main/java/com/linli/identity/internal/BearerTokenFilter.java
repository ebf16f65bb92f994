package com.linli.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls carrying {@code Authorization: Bearer <token>}. A resolved token is kept
 * for two minutes so a busy client does not cost two queries per request; a logout on this node
 * forgets it at once (other nodes within those two minutes).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final long CACHE_MILLIS = 120_000;

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
			if (principal != null && principal.isEnabled() && principal.isAccountNonLocked()) {
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
		LinliPrincipal principal = tokens.accountOf(token).map(accounts::principal).orElse(null);
		if (principal != null) {
			if (cache.size() > 100_000) {
				cache.clear();
			}
			cache.put(token, new Cached(principal, now + CACHE_MILLIS));
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

	private record Cached(LinliPrincipal principal, long until) {
	}

}
