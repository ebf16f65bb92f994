package com.linli.inventory;

import com.linli.shared.InvalidInputException;

/** Input checks shared by the inventory use cases; messages in Chinese and English like the rest of Linli. */
final class Checks {

	private Checks() {
	}

	static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidInputException(field, "不能为空 / must not be empty");
		}
		return value;
	}

	static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "不能为空 / must not be blank");
		}
		String v = value.strip();
		if (v.codePointCount(0, v.length()) > max) {
			throw new InvalidInputException(field, "最多 " + max + " 个字 / at most " + max + " characters");
		}
		return v;
	}

	/** A request or demand reference such as "po-line:17" or "cutoff-run:42". */
	static String reference(String field, String value) {
		String v = text(field, value, 80);
		if (!v.matches("[A-Za-z0-9:_.\\-/#]+")) {
			throw new InvalidInputException(field,
					"引用只能包含字母、数字和 :_.-/# / a reference holds letters, digits and :_.-/# only");
		}
		return v;
	}

	static String optional(String field, String value, int max) {
		return value == null || value.isBlank() ? null : text(field, value, max);
	}
}
