package com.linli.catalog.internal.web;

import java.util.Locale;

import com.linli.shared.BusinessRuleException;

import org.springframework.beans.BeansException;
import org.springframework.validation.BindingResult;

/** Puts an error of the catalogue's rules beside the form field it names, in the reader's language. */
final class PageMessages {

	private PageMessages() {
	}

	/**
	 * The rules speak both languages as "中文 / English"; a page shows the half that fits its locale.
	 */
	static String localized(String message, Locale locale) {
		if (message == null) {
			return "";
		}
		int split = message.indexOf(" / ");
		if (split < 0) {
			return message;
		}
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? message.substring(split + 3)
				: message.substring(0, split);
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
