package com.linli.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A text shown to people, kept as a message code of the bundles ({@code messages/<module>.properties})
 * and its arguments, and put into words in the reader's language. Stored in the database as
 * {@link #stored()} ("code|arg|arg", as ordering's timeline notes); a stored value written before texts
 * were codes ("中文 / English" or free text) is read back as it was, a bilingual one cut to the reader's half.
 * An argument that is itself a {@code Text} is put into words too.
 */
public final class Text implements MessageSourceResolvable {

	/** The platform's language, for a reader whose language is not known (no request, a job). */
	public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private static final Pattern CODE = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_-]+)+");

	private static volatile MessageSource messages;

	private final String code;

	private final Object[] args;

	private final String legacy;

	private Text(String code, Object[] args, String legacy) {
		this.code = code;
		this.args = args;
		this.legacy = legacy;
	}

	/** The text of a message code with its arguments. */
	public static Text of(String code, Object... args) {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("not a message code: " + code);
		}
		// arguments are kept as words (an id "12345", not "12,345"); a Text argument is put into words in turn
		Object[] kept = args == null ? new Object[0]
				: java.util.Arrays.stream(args).map(a -> a instanceof Text ? a : String.valueOf(a)).toArray();
		return new Text(code, kept, null);
	}

	/** A text that is not a code (typed by a person, or written before texts were codes). */
	public static Text plain(String text) {
		return new Text(null, new Object[0], text == null ? "" : text);
	}

	/** The text a {@link #stored()} value stands for: a code with arguments, or the plain text it was. */
	public static Text fromStored(String stored) {
		if (stored == null) {
			return null;
		}
		String[] parts = stored.split("\\|", -1);
		if (!CODE.matcher(parts[0]).matches()) {
			return plain(stored);
		}
		return new Text(parts[0], Arrays.copyOfRange(parts, 1, parts.length, Object[].class), stored);
	}

	/** Puts the text into words with the bundles of the application (set once it has started). */
	public static void useMessages(MessageSource source) {
		messages = source;
	}

	/** The message code, or null for a plain text. */
	public String code() {
		return code;
	}

	/** The arguments of the message (empty for none). */
	public Object[] args() {
		return args.clone();
	}

	/** The value to keep in the database: "code|arg|arg" (an argument's '|' becomes '/'), or the plain text. */
	public String stored() {
		if (code == null) {
			return legacy;
		}
		var stored = new StringBuilder(code);
		for (Object arg : args) {
			String value = arg instanceof Text t ? t.stored() : String.valueOf(arg);
			stored.append('|').append(value.replace('|', '/'));
		}
		return stored.toString();
	}

	/** The text in the language of the locale. */
	public String in(MessageSource source, Locale locale) {
		if (code == null) {
			return half(legacy, locale);
		}
		Object[] resolved = Arrays.stream(args)
			.map(a -> a instanceof Text t ? t.in(source, locale)
					: a instanceof String s && CODE.matcher(s).matches() ? source.getMessage(s, null, s, locale) : a)
			.toArray();
		String fallback = legacy != null ? legacy : code;
		return source.getMessage(code, resolved, fallback, locale);
	}

	/** The text in the reader's language: the current request's, else the platform's. */
	public String inReadersLanguage() {
		MessageSource source = messages;
		if (source == null) {
			return code == null ? legacy : stored();
		}
		return in(source, readersLocale());
	}

	/** The language of the current request, or the platform's outside of one. */
	public static Locale readersLocale() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = context == null ? null : context.getLocale();
		return locale == null ? DEFAULT_LOCALE : locale;
	}

	/** Of a "中文 / English" text, the half of the reader's language; any other text as it is. */
	public static String half(String text, Locale locale) {
		if (text == null) {
			return "";
		}
		int split = text.indexOf(" / ");
		if (split < 0 || !hasHan(text.substring(0, split))) {
			return text;
		}
		return "en".equals(locale.getLanguage()) ? text.substring(split + 3) : text.substring(0, split);
	}

	private static boolean hasHan(String s) {
		return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	@Override
	public String[] getCodes() {
		return code == null ? null : new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return args();
	}

	@Override
	public String getDefaultMessage() {
		return code == null ? legacy : stored();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Text t && java.util.Objects.equals(stored(), t.stored());
	}

	@Override
	public int hashCode() {
		return stored().hashCode();
	}

	@Override
	public String toString() {
		return stored();
	}
}
