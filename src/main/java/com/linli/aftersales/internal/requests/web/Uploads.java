package com.linli.aftersales.internal.requests.web;


import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;


/** What the request controllers share: enum and number fields read with a field-naming 400. */
final class Uploads {

	private Uploads() {
	}


	static RequestKind kind(String value) {
		return value == null || value.isBlank() ? null : parse(RequestKind.class, value, "kind");
	}

	static RequestReason reason(String value) {
		return value == null || value.isBlank() ? null : parse(RequestReason.class, value, "reason");
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.unknownValue", value));
		}
	}

	static int quantity(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("quantity", Text.of("aftersales.problem.required"));
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("quantity", Text.of("aftersales.problem.quantityRange"));
		}
	}

	static long id(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.required"));
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.unknownValue", value));
		}
	}

}
