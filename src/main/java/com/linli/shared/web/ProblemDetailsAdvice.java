package com.linli.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the REST API as an RFC 9457 problem detail. Input errors carry {@code errors}:
 * a list of {@code {field, message}} so a client can put the message beside the right input.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice {

	private static final String TYPE_BASE = "https://linli.dev/problems/";

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidBody(MethodArgumentNotValidException e) {
		var errors = e.getBindingResult().getFieldErrors().stream().map(ProblemDetailsAdvice::fieldError).toList();
		var globals = e.getBindingResult().getGlobalErrors().stream()
			.map(g -> Map.of("field", g.getObjectName(), "message", String.valueOf(g.getDefaultMessage())))
			.toList();
		return invalid(concat(errors, globals));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameters(HandlerMethodValidationException e) {
		var errors = e.getParameterValidationResults().stream()
			.flatMap(r -> r.getResolvableErrors().stream()
				.map(err -> Map.of("field", r.getMethodParameter().getParameterName() == null ? "parameter"
						: r.getMethodParameter().getParameterName(), "message", String.valueOf(err.getDefaultMessage()))))
			.toList();
		return invalid(errors);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException e) {
		return invalid(List.of(Map.of("field", e.getParameterName(), "message", "is required")));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ProblemDetail missingHeader(MissingRequestHeaderException e) {
		return invalid(List.of(Map.of("field", e.getHeaderName(), "message", "header is required")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		if (e.getValue() instanceof String text && TextInput.firstControl(text) >= 0) {
			return invalid(List.of(Map.of("field", e.getName(), "message", TextInput.MESSAGE)));
		}
		return invalid(List.of(Map.of("field", e.getName(), "message", "has the wrong format: " + e.getValue())));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyLimit.BodyTooLargeException) {
				return tooLarge();
			}
		}
		if (e.getCause() instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
			String field = mie.getPath().stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
			String why = mie instanceof TextInput.ControlCharacterException ? TextInput.MESSAGE
					: mie instanceof InvalidFormatException ife ? "has the wrong format: " + ife.getValue()
					: "has the wrong type";
			return invalid(List.of(Map.of("field", field, "message", why)));
		}
		return invalid(List.of(Map.of("field", "body", "message", "is not readable JSON")));
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException e) {
		String message = message(e);
		var problem = invalid(List.of(Map.of("field", e.field(), "message", message)));
		problem.setDetail(message);
		return problem;
	}

	@ExceptionHandler(BusinessRuleException.class)
	ProblemDetail businessRule(BusinessRuleException e) {
		return problemOf(e);
	}

	/**
	 * The problem detail of a broken business rule (409), as the handler above writes it: for a controller
	 * that answers a refusal it knows of without throwing (a flash sale's thousands of "sold out").
	 */
	public static ProblemDetail problemOf(BusinessRuleException e) {
		String message = message(e);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
		problem.setType(URI.create(TYPE_BASE + e.code()));
		problem.setTitle("Business rule violated");
		problem.setProperty("code", e.code());
		if (e.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", message)));
		}
		return problem;
	}

	/**
	 * The message in the language of the request (its message code put into words with the request's
	 * locale); a message that is not a code yet, "中文 / English", gives the half of that language.
	 */
	private static String message(BusinessRuleException e) {
		return Text.half(e.getMessage(), Text.readersLocale());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setType(URI.create(TYPE_BASE + "not-found"));
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail conflict(DataIntegrityViolationException e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The change conflicts with existing data (a duplicate or a reference in use)");
		problem.setType(URI.create(TYPE_BASE + "conflict"));
		problem.setTitle("Conflict");
		return problem;
	}

	private static ProblemDetail tooLarge() {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large");
		problem.setType(URI.create(TYPE_BASE + "payload-too-large"));
		problem.setTitle("Payload too large");
		return problem;
	}

	/** The same problem, written by a filter before Spring MVC. */
	static String tooLargeJson(long limit) {
		return "{\"type\":\"" + TYPE_BASE + "payload-too-large\",\"title\":\"Payload too large\",\"status\":413,"
				+ "\"detail\":\"The request body is too large: at most " + limit + " bytes\"}";
	}

	private static ProblemDetail invalid(List<Map<String, String>> errors) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.isEmpty() ? "Invalid input" : errors.stream()
					.map(err -> err.get("field") + " " + err.get("message")).reduce((a, b) -> a + "; " + b).get());
		problem.setType(URI.create(TYPE_BASE + "invalid-input"));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static Map<String, String> fieldError(FieldError fe) {
		return Map.of("field", fe.getField(), "message", String.valueOf(fe.getDefaultMessage()));
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}
}
