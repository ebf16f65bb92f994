package com.linli.catalog.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BarcodesTests {

	@Test
	void acceptsGtinsWithTheRightCheckDigit() {
		assertThat(Barcodes.isValidGtin("6901234567892")).isTrue(); // EAN-13, China prefix 690
		assertThat(Barcodes.isValidGtin("4006381333931")).isTrue(); // EAN-13
		assertThat(Barcodes.isValidGtin("96385074")).isTrue(); // EAN-8
		assertThat(Barcodes.isValidGtin("036000291452")).isTrue(); // UPC-A
		assertThat(Barcodes.isValidGtin("10012345678902")).isTrue(); // GTIN-14
	}

	@Test
	void refusesATypoWrongLengthsAndLetters() {
		assertThat(Barcodes.isValidGtin("6901234567893")).isFalse();
		assertThat(Barcodes.isValidGtin("4006381333913")).isFalse(); // two digits swapped
		assertThat(Barcodes.isValidGtin("123456789")).isFalse();
		assertThat(Barcodes.isValidGtin("69012345678A2")).isFalse();
		assertThat(Barcodes.isValidGtin("")).isFalse();
		assertThat(Barcodes.isValidGtin(null)).isFalse();
	}

	@Test
	void computesTheCheckDigit() {
		assertThat(Barcodes.withCheckDigit("690123456789")).isEqualTo("6901234567892");
		assertThat(Barcodes.withCheckDigit("9638507")).isEqualTo("96385074");
	}
}
