package com.linli.ordering.internal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the leader types or scans becomes a pickup code, and the order number a QR names. */
class ScannedCodeTests {

	@Test
	void aTypedCodeIsTakenAsTyped() {
		assertThat(ScannedCode.parse(" 123456 ")).isEqualTo(new ScannedCode("123456", null));
		assertThat(ScannedCode.parse("123 456")).isEqualTo(new ScannedCode("123456", null));
		assertThat(ScannedCode.parse(null)).isEqualTo(new ScannedCode("", null));
	}

	@Test
	void aQrGivesTheCodeAndItsOrder() {
		assertThat(ScannedCode.parse("LINLI-PICKUP:004211:26050100000042"))
			.isEqualTo(new ScannedCode("004211", "26050100000042"));
		// anything else is left for the code check to refuse
		assertThat(ScannedCode.parse("LINLI-PICKUP:4211:2605").code()).isEqualTo("LINLI-PICKUP:4211:2605");
	}
}
