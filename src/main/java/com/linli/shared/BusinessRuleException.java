package com.linli.shared;

/**
 * A request that is well-formed but breaks a business rule (sold out, past cutoff, illegal transition).
 * Carries a stable code for clients and, where one input is to blame, the name of that field. Its
 * message is a {@link Text}: a message code with arguments, put into words in the reader's language.
 */
public class BusinessRuleException extends RuntimeException {

	private final String code;

	private final String field;

	private final Text text;

	public BusinessRuleException(String code, Text message) {
		this(code, null, message);
	}

	public BusinessRuleException(String code, String field, Text message) {
		super(message.code() == null ? message.getDefaultMessage() : message.code());
		this.code = code;
		this.field = field;
		this.text = message;
	}

	/** A message that is not a code yet (prefer {@link #BusinessRuleException(String, Text)}). */
	public BusinessRuleException(String code, String message) {
		this(code, null, message);
	}

	/** A message that is not a code yet (prefer {@link #BusinessRuleException(String, String, Text)}). */
	public BusinessRuleException(String code, String field, String message) {
		super(message);
		this.code = code;
		this.field = field;
		this.text = null;
	}

	public String code() {
		return code;
	}

	public String field() {
		return field;
	}

	/** The message as a text to put into words in a reader's language. */
	public Text text() {
		return text != null ? text : Text.plain(super.getMessage());
	}

	/** The message in the reader's language (the current request's, else the platform's). */
	@Override
	public String getMessage() {
		return text != null ? text.inReadersLanguage() : super.getMessage();
	}
}
