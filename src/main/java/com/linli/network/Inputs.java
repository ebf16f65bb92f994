package com.linli.network;

import java.time.LocalTime;

import com.linli.shared.InvalidInputException;

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
			throw new InvalidInputException(field, "不能为空 / is required");
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			throw new InvalidInputException(field, "最多 " + max + " 个字符 / at most " + max + " characters");
		}
		return trimmed;
	}

	static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidInputException(field, "不能为空 / is required");
		}
		return value;
	}

	static double latitude(double value) {
		if (!Geo.isLatitude(value)) {
			throw new InvalidInputException("latitude", "纬度须在 -90 到 90 之间 / latitude must be between -90 and 90");
		}
		return value;
	}

	static double longitude(double value) {
		if (!Geo.isLongitude(value)) {
			throw new InvalidInputException("longitude",
					"经度须在 -180 到 180 之间 / longitude must be between -180 and 180");
		}
		return value;
	}

	static void openingHours(LocalTime opensAt, LocalTime closesAt) {
		required("opensAt", opensAt);
		required("closesAt", closesAt);
		if (!opensAt.isBefore(closesAt)) {
			throw new InvalidInputException("closesAt", "关门时间须晚于开门时间 / must be after the opening time");
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
