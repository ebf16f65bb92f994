package com.linli.leader.internal.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/** Months as the pages and the API write them: 2025-05. */
final class Months {

	private Months() {
	}

	/** The month given, or {@code otherwise} when none was; a malformed one names the field. */
	static YearMonth parse(String month, YearMonth otherwise) {
		if (month == null || month.isBlank()) {
			return otherwise;
		}
		try {
			var parsed = YearMonth.parse(month.strip());
			if (parsed.getYear() < 2000 || parsed.getYear() > 2100) {
				throw new InvalidInputException("month", Text.of("leader.problem.monthOutRange"));
			}
			return parsed;
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("month", Text.of("leader.problem.monthWrittenYyyyMm202505"));
		}
	}
}
