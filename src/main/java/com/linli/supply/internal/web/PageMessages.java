package com.linli.supply.internal.web;

import java.util.Locale;

/** Messages of rule and input errors ("中文 / English") in the reader's language, for flash notices on pages. */
final class PageMessages {

	private PageMessages() {
	}

	static String of(RuntimeException e, Locale locale) {
		String message = e.getMessage() == null ? "" : e.getMessage();
		int split = message.indexOf(" / ");
		if (split >= 0) {
			return "en".equals(locale.getLanguage()) ? message.substring(split + 3) : message.substring(0, split);
		}
		return message;
	}
}
