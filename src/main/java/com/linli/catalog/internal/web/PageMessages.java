package com.linli.catalog.internal.web;

import java.util.Locale;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.beans.BeansException;
import org.springframework.validation.BindingResult;

/** Puts an error of the catalogue's rules beside the form field it names, in the reader's language. */
final class PageMessages {

	private PageMessages() {
	}

	/** A rule's message in the page's language (a message not yet a code: the half of its language). */
	static String localized(String message, Locale locale) {
		return Text.half(message, locale);
	}

	/** Rejects the named field, or the whole form if the field is not on it. */
	static void reject(BindingResult result, BusinessRuleException e, String field, Locale locale) {
		String message = localized(e.getMessage(), locale);
		if (field != null) {
			try {
				result.rejectValue(field, e.code(), message);
				return;
			}
			catch (BeansException | IllegalArgumentException ignored) {
				// not a field of this form: reported for the whole form below
			}
		}
		result.reject(e.code(), message);
	}
}
