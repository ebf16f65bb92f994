package com.linli.shared;

/**
 * A request that is well-formed but breaks a business rule (sold out, past cutoff, illegal transition).
 * Carries a stable code for clients and, where one input is to blame, the name of that field.
 */
public class BusinessRuleException extends RuntimeException {

	private final String code;

	private final String field;

	public BusinessRuleException(String code, String message) {
		this(code, null, message);
	}

	public BusinessRuleException(String code, String field, String message) {
		super(message);
		this.code = code;
		this.field = field;
	}

	public String code() {
		return code;
	}

	public String field() {
		return field;
	}
}
