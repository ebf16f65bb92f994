package com.linli.network;

import java.time.LocalTime;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * Checks of the inputs that every caller (console, API, simulator) must pass; each failure names the
 * field, so a form can show it beside the right input.
 */
final class Inputs {

	private Inputs() {
	}

	/** A required text, trimmed, at most {@code max} characters. */
	static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, Text.of("network.problem.required"));
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			throw new InvalidInputException(field, Text.of("network.problem.atMostCharacters", max));
		}
		return trimmed;
	}

	static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidInputException(field, Text.of("network.problem.required"));
		}
		return value;
	}

	static double latitude(double value) {
		if (!Geo.isLatitude(value)) {
			throw new InvalidInputException("latitude", Text.of("network.problem.latitudeMustBetween9090"));
		}
		return value;
	}

	static double longitude(double value) {
		if (!Geo.isLongitude(value)) {
			throw new InvalidInputException("longitude",
					Text.of("network.problem.longitudeMustBetween180180"));
		}
		return value;
	}

	static void openingHours(LocalTime opensAt, LocalTime closesAt) {
		required("opensAt", opensAt);
		required("closesAt", closesAt);
		if (!opensAt.isBefore(closesAt)) {
			throw new InvalidInputException("closesAt", Text.of("network.problem.mustAfterOpeningTime"));
		}
	}

	static String regionCode(String value) {
		String code = text("code", value, 20).toUpperCase(java.util.Locale.ROOT);
		if (!code.matches("[A-Z][A-Z0-9_-]{1,19}")) {
			throw new InvalidInputException("code",
					"须以字母开头, 2-20 位字母、数字、- 或 _ / 2-20 letters, digits, - or _, starting with a letter");
		}
		return code;
	}
}
