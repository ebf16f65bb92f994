package com.linli.payment.internal.simulated;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedCashierPageControllerTests {

	@ParameterizedTest
	@ValueSource(strings = { "/shop/orders/12", "/shop/orders", "/", "/shop/orders/12?tab=lines",
			"/shop/search?q=%E9%B8%A1%E8%9B%8B", "/shop/orders/12#pickup" })
	void theCashierLeadsBackToPathsOfThisSite(String back) {
		assertThat(SimulatedCashierPageController.safeReturn(back)).isEqualTo(back);
	}

	/** Classic open-redirect payloads: browsers read each of these as another site (or as script). */
	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "//evil.com", "///evil.com", "/\\evil.com", "\\\\evil.com", "/\t/evil.com", "/%09/evil.com",
			"/%0a/evil.com", "/%0D/evil.com", "/\n/evil.com", "/%2F/evil.com", "/%2f%2fevil.com", "%2F%2Fevil.com",
			"/%5Cevil.com", "/%5c%5cevil.com", "/%252F/evil.com", "/%25%30%39/evil.com", "/%00/evil.com",
			"https://evil.com", "http:/evil.com", "HTTPS://evil.com", " /evil", "/ /evil.com", "\t//evil.com",
			"/%20/evil.com", "/\u3000/evil.com", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "evil.com",
			"shop/orders", "/%zz/evil.com", "/\u0000/evil.com", "/\u200b/evil.com" })
	void anythingElseLeadsToTheFrontDoor(String back) {
		assertThat(SimulatedCashierPageController.safeReturn(back)).isEqualTo("/");
	}

	@ParameterizedTest
	@ValueSource(ints = { 300, 301, 2000 })
	void overlongPathsLeadToTheFrontDoor(int length) {
		String back = "/" + "a".repeat(length);
		assertThat(SimulatedCashierPageController.safeReturn(back)).isEqualTo("/");
	}
}
