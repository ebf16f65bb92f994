package com.linli.payment.internal.web;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.linli.payment.internal.NotificationRejected;
import com.linli.payment.internal.PaymentLedger;
import com.linli.payment.internal.PaymentProviders;
import com.linli.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where providers report payments (open to the internet: the signature is the authentication). A
 * notification with a bad, missing or stale signature is answered 401 and changes nothing; a good one
 * is applied exactly once and answered 200, duplicates included, so the provider stops retrying.
 */
@RestController
@Tag(name = "payment notifications", description = "Asynchronous callbacks of payment providers")
class PaymentNotifyRestController {

	private static final Logger log = LoggerFactory.getLogger(PaymentNotifyRestController.class);

	private final PaymentProviders providers;

	private final PaymentLedger ledger;

	PaymentNotifyRestController(PaymentProviders providers, PaymentLedger ledger) {
		this.providers = providers;
		this.ledger = ledger;
	}

	@PostMapping("/api/payments/notify/{provider}")
	@Operation(summary = "A provider's signed payment notification")
	Map<String, String> notify(@PathVariable String provider, @RequestBody(required = false) byte[] body,
			HttpServletRequest request) {
		var source = providers.named(provider).orElseThrow(() -> new NotFoundException("payment provider", provider));
		var notice = source.verifyNotification(headers(request), body == null ? new byte[0] : body);
		var outcome = ledger.paid(source.name(), notice);
		return Map.of("code", "SUCCESS", "outcome", outcome.name());
	}

	@ExceptionHandler(NotificationRejected.class)
	@ResponseStatus(HttpStatus.UNAUTHORIZED)
	ProblemDetail rejected(NotificationRejected e, HttpServletRequest request) {
		log.warn("Rejected payment notification from {}: {}", request.getRemoteAddr(), e.getMessage());
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
		problem.setType(URI.create("https://linli.dev/problems/bad-signature"));
		problem.setTitle("Notification rejected");
		return problem;
	}

	private static Map<String, String> headers(HttpServletRequest request) {
		Map<String, String> headers = new HashMap<>();
		var names = request.getHeaderNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeader(name));
		}
		return headers;
	}
}
