package com.linli.network.internal.web;

import com.linli.shared.BusinessRuleException;

import org.springframework.validation.BindingResult;
import org.springframework.web.util.UriComponentsBuilder;

/** Small helpers of the console's forms and lists. */
final class Forms {

	private Forms() {
	}

	/** Puts a rule the service refused beside the field it names, or above the form when no input is to blame. */
	static void reject(BindingResult result, BusinessRuleException e) {
		if (e.field() != null && result.getFieldType(e.field()) != null) {
			result.rejectValue(e.field(), e.code(), e.getMessage());
		}
		else {
			result.reject(e.code(), e.getMessage());
		}
	}

	/** A list's address with its current filters, for the pager to add {@code page} to. */
	static String listUrl(String path, Object... namesAndValues) {
		var builder = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value != null && !value.toString().isBlank()) {
				builder.queryParam((String) namesAndValues[i], value);
			}
		}
		return builder.encode().build().toUriString();
	}
}
