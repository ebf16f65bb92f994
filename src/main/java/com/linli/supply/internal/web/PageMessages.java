package com.linli.supply.internal.web;

import java.util.Locale;

import com.linli.shared.Text;

/** Messages of rule and input errors in the reader's language, for flash notices on pages. */
final class PageMessages {

	private PageMessages() {
	}

	static String of(RuntimeException e, Locale locale) {
		// a message not yet a code speaks both languages: the half of the reader's
		return Text.half(e.getMessage(), locale);
	}
}
