package com.linli.inventory;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/** Input checks shared by the inventory use cases; messages in Chinese and English like the rest of Linli. */
final class Checks {

	private Checks() {
	}

	static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidInputException(field, Text.of("inventory.problem.mustNotEmpty"));
		}
		return value;
	}

	static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, Text.of("inventory.problem.mustNotBlank"));
		}
		String v = value.strip();
		if (v.codePointCount(0, v.length()) > max) {
			throw new InvalidInputException(field, Text.of("inventory.problem.atMostCharacters", max));
		}
		return v;
	}

	/** A request or demand reference such as "po-line:17" or "cutoff-run:42". */
	static String reference(String field, String value) {
		String v = text(field, value, 80);
		if (!v.matches("[A-Za-z0-9:_.\\-/#]+")) {
			throw new InvalidInputException(field,
					Text.of("inventory.problem.referenceHoldsLettersDigitsOnly"));
		}
		return v;
	}

	static String optional(String field, String value, int max) {
		return value == null || value.isBlank() ? null : text(field, value, max);
	}
}
