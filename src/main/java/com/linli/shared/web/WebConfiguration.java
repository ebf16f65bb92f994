package com.linli.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import com.linli.shared.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * zh-CN unless the user switches with {@code ?lang=en} (kept in a cookie); a call of the API without that
 * cookie is answered in the language of its {@code Accept-Language} header. {@link Text}s (messages of
 * errors, texts kept as codes) are put into words in that language, from the first filter on.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	WebConfiguration(MessageSource messageSource) {
		Text.useMessages(messageSource);
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("linli-lang");
		resolver.setDefaultLocale(Text.DEFAULT_LOCALE);
		resolver.setDefaultLocaleFunction(WebConfiguration::defaultLocale);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/** Pages speak Chinese until switched; the API speaks what its caller asks for in Accept-Language. */
	static Locale defaultLocale(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (uri != null && uri.startsWith("/api/") && request.getHeader("Accept-Language") != null) {
			return request.getLocale();
		}
		return Text.DEFAULT_LOCALE;
	}

	/**
	 * The reader's language for filters that answer before Spring MVC (the sold-out gate): runs right
	 * after Spring's request context filter, whose locale is the header's or the server's.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> readersLocaleFilter(LocaleResolver localeResolver) {
		var filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				LocaleContext previous = LocaleContextHolder.getLocaleContext();
				LocaleContextHolder.setLocaleContext(((LocaleContextResolver) localeResolver).resolveLocaleContext(request));
				try {
					chain.doFilter(request, response);
				}
				finally {
					LocaleContextHolder.setLocaleContext(previous);
				}
			}
		};
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
		registration.setOrder(-104); // just after OrderedRequestContextFilter (-105), before security (-100)
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
	}
}
