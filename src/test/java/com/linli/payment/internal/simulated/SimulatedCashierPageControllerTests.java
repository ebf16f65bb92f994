package com.linli.payment.internal.simulated;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedCashierPageControllerTests {

	@Test
	void theCashierLeadsBackOnlyToPathsOfThisSite() {
		assertThat(SimulatedCashierPageController.safeReturn("/shop/orders/12")).isEqualTo("/shop/orders/12");
		assertThat(SimulatedCashierPageController.safeReturn(null)).isEqualTo("/");
		assertThat(SimulatedCashierPageController.safeReturn("https://evil.example/")).isEqualTo("/");
		assertThat(SimulatedCashierPageController.safeReturn("//evil.example/")).isEqualTo("/");
		assertThat(SimulatedCashierPageController.safeReturn("/\\evil.example")).isEqualTo("/");
		assertThat(SimulatedCashierPageController.safeReturn("javascript:alert(1)")).isEqualTo("/");
	}
}
