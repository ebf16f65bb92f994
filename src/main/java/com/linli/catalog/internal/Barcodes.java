package com.linli.catalog.internal;

/**
 * Retail barcodes are GTINs (EAN-8, UPC-A, EAN-13, GTIN-14) whose last digit is a check digit;
 * checking it catches most typing errors before a wrong code reaches the warehouse scanners.
 */
public final class Barcodes {

	private Barcodes() {
	}

	public static boolean isValidGtin(String code) {
		if (code == null || !code.matches("[0-9]{8}|[0-9]{12,14}")) {
			return false;
		}
		int sum = 0;
		// weights 3,1,3,1... from the digit left of the check digit
		for (int i = code.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
			sum += (code.charAt(i) - '0') * weight;
		}
		int check = (10 - sum % 10) % 10;
		return check == code.charAt(code.length() - 1) - '0';
	}

	/** Appends the check digit to 7, 11, 12 or 13 digits (test data, label printing). */
	public static String withCheckDigit(String digits) {
		int sum = 0;
		for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
			sum += (digits.charAt(i) - '0') * weight;
		}
		return digits + (10 - sum % 10) % 10;
	}
}
