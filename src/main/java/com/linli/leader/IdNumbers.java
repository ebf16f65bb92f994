package com.linli.leader;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Mainland resident ID numbers (居民身份证号码, GB 11643-1999): 17 digits (region, birth date, sequence) and a
 * check character computed from them (ISO 7064 MOD 11-2), 0-9 or X.
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private IdNumbers() {
	}

	/** The check character of the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/** Whether the number is well formed: 18 characters, a real birth date, and the right check character. */
	public static boolean valid(String number) {
		if (number == null || !number.matches("[0-9]{17}[0-9Xx]")) {
			return false;
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
					Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
			if (birth.getYear() < 1900) {
				return false;
			}
		}
		catch (DateTimeException e) {
			return false;
		}
		return Character.toUpperCase(number.charAt(17)) == checkCharacter(number);
	}

	/** 330106199001011234 -> 3301**********1234: what is kept and shown. */
	public static String mask(String number) {
		String n = number.toUpperCase();
		return n.substring(0, 4) + "*".repeat(10) + n.substring(14);
	}
}
