package com.linli.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Two doors: {@code /api/**} is stateless with bearer tokens and answers 401/403 as problem
 * details; pages use a session, a login form and CSRF protection (htmx sends the token header).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] STAFF = { "PLATFORM_ADMIN", "OPERATOR" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(
			org.springframework.context.ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService users, SignInThrottle throttle,
			PasswordEncoder encoder, AuthenticationEventPublisher events) {
		var provider = new ThrottledAuthenticationProvider(users, throttle);
		provider.setPasswordEncoder(encoder);
		var manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	BearerTokenFilter bearerTokenFilter(ApiTokens tokens, AccountDetailsService users) {
		return new BearerTokenFilter(tokens, users);
	}

	/** The bearer filter runs in the API's security chain only, not a second time as a servlet filter of its own. */
	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * No observation around each security filter, authentication and authorization: a dozen per API call,
	 * and about a tenth of a cheap request's time. HTTP server requests stay observed (http.server.requests).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a
				.requestMatchers("/api/auth/token", "/api/auth/register", "/api/payments/notify/**").permitAll()
				// a would-be leader applies and follows their application before they have an account (recruitment)
				.requestMatchers("/api/leader-applications", "/api/leader-applications/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/storefront/**", "/api/network/pickup-points/**",
						"/api/network/regions/**")
				.permitAll()
				// staff-only paths refuse others before the body is read (a 403, not a validation error)
				.requestMatchers("/api/admin/accounts/**").hasRole("PLATFORM_ADMIN")
				// the grid warehouse's morning (logistics, issue 14): warehouse staff transfer, sort and label
				.requestMatchers("/api/admin/logistics/plans/*/waves", "/api/admin/logistics/plans/*/labels.pdf",
						"/api/admin/logistics/crates", "/api/admin/logistics/cutoff-runs/*/grid-warehouses/*/transfer")
				.hasAnyRole("PLATFORM_ADMIN", "OPERATOR", "WAREHOUSE_STAFF")
				// warehouse staff read the fleet and delivery performance of their regions (issue 14); each
				// operation says who may call it
				.requestMatchers(HttpMethod.GET, "/api/admin/logistics/**").hasAnyRole("PLATFORM_ADMIN", "OPERATOR",
						"WAREHOUSE_STAFF")
				.requestMatchers("/api/admin/**").hasAnyRole(STAFF)
				// supplier-managed inventory (issue 15): operators decide proposals, suppliers use their own portal API
				.requestMatchers("/api/vmi-proposals", "/api/vmi-proposals/**").hasAnyRole(STAFF)
				.requestMatchers("/api/supplier/**").hasRole("SUPPLIER")
				// issue 16: the analytics API is the operators' (each operation checks the region)
				.requestMatchers("/api/analytics/**").hasAnyRole(STAFF)
				// risk control (issue 16): operators of the region and the admin
				.requestMatchers("/api/risk", "/api/risk/**").hasAnyRole(STAFF)
				.anyRequest().authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "Unauthorized",
						"Sign in first: send Authorization: Bearer <token> from POST /api/auth/token"))
				.accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden",
						"Your role may not do this" + (ex.getMessage() == null ? "" : ": " + ex.getMessage()))))
			.httpBasic(b -> b.disable())
			.formLogin(f -> f.disable())
			.logout(l -> l.disable())
			// stateless: no request to save for after a login, no servlet API wrapper (controllers read the principal)
			.requestCache(c -> c.disable())
			.servletApi(s -> s.disable());
		return http.build();
	}

	/**
	 * What pages may load: scripts, styles, images and requests from this server only; no plugins, no
	 * framing, forms post here only. Inline scripts and styles stay allowed: templates use inline event
	 * handlers ({@code onchange="this.form.submit()"}), a few inline scripts and style attributes, and
	 * htmx adds its indicator style.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
			+ "media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, Accounts accounts, AuthenticationManager authenticationManager)
			throws Exception {
		// the login form signs in through the same throttled manager as the API (not one Boot builds on its own)
		http.authenticationManager(authenticationManager)
			.addFilterAfter(new AccountSessionFilter(accounts), SecurityContextHolderFilter.class)
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
			.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/register", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**",
					"/favicon.ico", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
					"/media/**")
			.permitAll()
			// an invite link opens for someone without an account yet: the page asks them to sign in or register
			.requestMatchers(HttpMethod.GET, "/shop/invite/{code:[A-Za-z0-9]{4,12}}").permitAll()
			// the leader application page and its status page (recruitment): no account yet
			.requestMatchers("/join", "/join/**").permitAll()
			// page access lives here, where the console's sidebar (ConsoleNavigation) reads it too
			.requestMatchers("/console/accounts/**", "/console/audit/**", "/console/payment-mismatches/**").hasRole("PLATFORM_ADMIN")
			.requestMatchers("/console/**").hasAnyRole(STAFF)
			.requestMatchers("/warehouse/**").hasAnyRole("PLATFORM_ADMIN", "OPERATOR", "WAREHOUSE_STAFF")
			// a leader's helper (核销员) may use the pickup page of their point only (issue 13, helpers)
			.requestMatchers("/leader/pickup", "/leader/pickup/**").hasAnyRole("LEADER", "VERIFIER")
			.requestMatchers("/leader/**").hasRole("LEADER")
			.requestMatchers("/supplier/**").hasRole("SUPPLIER")
			.requestMatchers("/driver/**").hasRole("DRIVER")
			.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").usernameParameter("phone").defaultSuccessUrl("/", true)
				.failureHandler(new LoginFailureHandler()).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf(c -> c.ignoringRequestMatchers("/actuator/**"));
		return http.build();
	}

	private static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
		res.setStatus(status);
		res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		res.setCharacterEncoding("UTF-8");
		res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "'") + "\"}");
	}
}
