package com.linli.aftersales.internal.requests.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.linli.shared.Text;
import com.linli.shared.storage.ImageUpload;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload past {@code spring.servlet.multipart.*} is refused before any controller sees it (so no controller's
 * own handler can answer): a 413 problem detail, which for the after-sales photos names the field ("photos").
 * Elsewhere it is the plain 413 Spring would give.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The upload is too large");
		problem.setType(URI.create("https://linli.dev/problems/payload-too-large"));
		problem.setTitle("Payload too large");
		String path = request.getRequestURI();
		if (path != null && (path.startsWith("/api/aftersales/") || path.startsWith("/shop/aftersales"))) {
			String message = Text.of("common.problem.imageTooLarge", ImageUpload.MAX_BYTES / 1024 / 1024).inReadersLanguage();
			problem.setDetail(message);
			problem.setProperty("errors", List.of(Map.of("field", "photos", "message", message)));
		}
		return problem;
	}
}
