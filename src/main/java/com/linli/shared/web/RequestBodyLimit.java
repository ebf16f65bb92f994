package com.linli.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies other than file uploads (JSON, forms) may hold at most {@code linli.web.max-body-size}
 * (1 MB): a larger declared length is answered 413 at once, before anyone reads it; a body without a
 * declared length (chunked) is cut off when it grows past the limit, and the REST API answers 413 too
 * ({@link ProblemDetailsAdvice}). Uploads keep {@code spring.servlet.multipart.*}.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

	@Bean
	FilterRegistrationBean<LimitFilter> requestBodyLimitFilter(@Value("${linli.web.max-body-size:1MB}") DataSize limit) {
		var registration = new FilterRegistrationBean<>(new LimitFilter(limit.toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** A body read past the limit. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("request body larger than " + limit + " bytes");
		}
	}

	static final class LimitFilter extends OncePerRequestFilter {

		private final long limit;

		LimitFilter(long limit) {
			this.limit = limit;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String type = request.getContentType();
			if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
				chain.doFilter(request, response);
				return;
			}
			if (request.getContentLengthLong() > limit) {
				response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				response.setHeader("Connection", "close");
				response.getWriter().write(ProblemDetailsAdvice.tooLargeJson(limit));
				return;
			}
			chain.doFilter(new Limited(request, limit), response);
		}
	}

	/** Counts what is read from the body and fails past the limit. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				var in = super.getInputStream();
				stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws IOException {
						read += n;
						if (read > limit) {
							throw new BodyTooLargeException(limit);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}
	}
}
