package com.linli.ordering.internal.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.linli.identity.CurrentUser;
import com.linli.shared.BusinessRuleException;
import com.linli.ordering.internal.SubmitRules;
import com.linli.ordering.internal.web.OrderRestController.PlaceOrderRequest;
import com.linli.shared.web.ProblemDetailsAdvice;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The flash sale's front door. A {@code POST /api/orders} whose every listing this node knows to be
 * sold out is answered 409 "sold out" here, after Spring Security has authenticated the caller (the
 * gate runs right behind its filter) and before Spring MVC, which costs most of a request's time:
 * handler lookup, argument resolution, return value handling. The answer is the one the controller
 * gives ({@link SubmitRules#refusalWithoutDatabase}, the rules the placement service checks, {@link ProblemDetailsAdvice#problemOf}); a
 * retry of a submit placed on this node, a body that does not validate, a caller who is not signed in
 * and every submit that may still succeed go on to the controller unchanged (the body read here is
 * handed on).
 */
class SoldOutGate extends OncePerRequestFilter {

	/** Larger bodies are not looked at (40 items are well under it). */
	static final int MAX_BODY = 8 * 1024;

	private final SubmitRules rules;

	private final JsonMapper json;

	/** The answers written so far, by code and text: a sale's thousands of losers hear the same few bytes. */
	private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

	SoldOutGate(SubmitRules rules, JsonMapper json) {
		this.rules = rules;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !"/api/orders".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader("Idempotency-Key");
		long length = request.getContentLengthLong();
		Optional<CurrentUser> user = CurrentUser.get();
		if (key == null || key.isBlank() || length < 0 || length > MAX_BODY || user.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		Optional<BusinessRuleException> refusal = refusal(body, key, user.get());
		if (refusal.isEmpty()) {
			chain.doFilter(new ReadBody(request, body), response);
			return;
		}
		if (answers.size() > 10_000) {
			answers.clear();
		}
		byte[] answer = answers.computeIfAbsent(refusal.get().code() + '\n' + refusal.get().getMessage(), k -> {
			var problem = ProblemDetailsAdvice.problemOf(refusal.get());
			problem.setInstance(java.net.URI.create("/api/orders"));
			return json.writeValueAsBytes(problem);
		});
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	/** The known refusal of a valid submit, or empty: anything unusual is left to the controller. */
	private Optional<BusinessRuleException> refusal(byte[] body, String key, CurrentUser user) {
		try {
			PlaceOrderRequest request = json.readValue(body, PlaceOrderRequest.class);
			return rules.refusalWithoutDatabase(request.command(user.id(), key));
		}
		catch (RuntimeException e) {
			// unreadable or invalid: the controller answers it with the field named
			return Optional.empty();
		}
	}

	/** The request with its body already read: the controller reads the same bytes again. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body was read already");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Right behind Spring Security's filter (order -100 by default): the caller is known, MVC not yet reached. */
		static final int ORDER = -99;

		@Bean
		FilterRegistrationBean<SoldOutGate> soldOutGate(SubmitRules rules, JsonMapper json) {
			var registration = new FilterRegistrationBean<>(new SoldOutGate(rules, json));
			registration.addUrlPatterns("/api/orders");
			registration.setOrder(ORDER);
			return registration;
		}
	}
}
