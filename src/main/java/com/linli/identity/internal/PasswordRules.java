package com.linli.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * What a password must be wherever one is set (registration, accounts opened by staff, resets, changes):
 * at least 6 characters, at most 72 bytes in UTF-8 (bcrypt reads no further: a Chinese character takes
 * three), not one of the passwords every attacker tries first, and not the account's own phone number.
 */
public final class PasswordRules {

	public static final int MIN_CHARACTERS = 6;

	public static final int MAX_BYTES = 72;

	/** The most used passwords in Chinese and worldwide leaks, lower case. */
	private static final Set<String> COMMON = Set.of("123456", "1234567", "12345678", "123456789", "1234567890",
			"654321", "111111", "000000", "888888", "666666", "123123", "112233", "121212", "123321", "147258",
			"147258369", "159753", "5201314", "1314520", "520520", "a123456", "a12345678", "aa123456", "abc123",
			"abc123456", "123abc", "qwerty", "qwe123", "qwerty123", "password", "password1", "passw0rd", "iloveyou",
			"woaini", "woaini1314", "admin", "admin123", "123456a", "123456aa", "qq123456", "asdfgh", "zxcvbn",
			"asd123", "1qaz2wsx", "q1w2e3r4", "abcdef", "abcd1234", "11111111", "00000000", "88888888");

	private PasswordRules() {
	}

	/**
	 * Refuses a password that breaks a rule, naming {@code field}.
	 * @param phone the account's phone number, which the password must not be
	 */
	public static void check(String field, String password, String phone) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
			throw new InvalidInputException(field, Text.of("identity.problem.passwordTooShort"));
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new InvalidInputException(field, Text.of("identity.problem.passwordTooLong"));
		}
		if (isCommon(password) || (phone != null && password.trim().equals(phone.trim()))) {
			throw new InvalidInputException(field,
					Text.of("identity.problem.passwordTooCommon"));
		}
	}

	static boolean isCommon(String password) {
		return COMMON.contains(password.trim().toLowerCase(Locale.ROOT));
	}
}
