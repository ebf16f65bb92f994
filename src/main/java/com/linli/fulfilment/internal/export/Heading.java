package com.linli.fulfilment.internal.export;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * What an exported list says about itself (title and one line of facts: region, pickup date, run,
 * when it was printed) and the labels of its columns, in the reader's language.
 */
public record Heading(String title, String facts, MessageSource messages, Locale locale) {

	String label(String key, Object... args) {
		return messages.getMessage("fulfilment.export." + key, args, locale);
	}
}
