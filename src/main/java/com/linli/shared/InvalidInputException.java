package com.linli.shared;

/** One input is wrong in a way bean validation cannot see (a cutoff after pickup, a date in the past): HTTP 400. */
public class InvalidInputException extends BusinessRuleException {

	public InvalidInputException(String field, Text message) {
		super("invalid-input", field, message);
	}

	/** A message that is not a code yet (prefer {@link #InvalidInputException(String, Text)}). */
	public InvalidInputException(String field, String message) {
		super("invalid-input", field, message);
	}
}
