package com.linli.demo.internal;

import com.linli.demo.DemoSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** linli.demo.seed switches the demo on (true, or a seed number) or off (false); sizes come along. */
class DemoSeederTests {

	@Test
	void trueMeansTheDefaultSeed() {
		assertThat(DemoSeeder.settings("true", 1, 48, 2400)).contains(DemoSettings.defaults());
	}

	@Test
	void falseSwitchesTheDemoOff() {
		assertThat(DemoSeeder.settings("false", 1, 48, 2400)).isEmpty();
		assertThat(DemoSeeder.settings(" FALSE ", 1, 48, 2400)).isEmpty();
	}

	@Test
	void aNumberIsTheSeedAndTheSizesFollowTheProperties() {
		var settings = DemoSeeder.settings("7", 2, 120, 20_000).orElseThrow();
		assertThat(settings.seed()).isEqualTo(7);
		assertThat(settings.regions()).isEqualTo(2);
		assertThat(settings.communitiesPerRegion()).isEqualTo(120);
		assertThat(settings.residentsPerRegion()).isEqualTo(20_000);
		assertThat(settings.loginPhone(1)).isEqualTo("13800000001");
	}

	@Test
	void anythingElseIsAClearError() {
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSeeder.settings("yes", 1, 48, 2400))
			.withMessageContaining("linli.demo.seed");
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSeeder.settings("true", 5, 48, 2400))
			.withMessageContaining("linli.demo.regions");
	}

	@Test
	void historyIsUpToFourWeeksAndNoneAtAll() {
		assertThat(DemoSeeder.historyDays(0)).isZero();
		assertThat(DemoSeeder.historyDays(3)).isEqualTo(3);
		assertThat(DemoSeeder.historyDays(28)).isEqualTo(28);
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSeeder.historyDays(-1))
			.withMessageContaining("linli.demo.history-days");
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSeeder.historyDays(29))
			.withMessageContaining("linli.demo.history-days");
	}

	@Test
	void theShareOfResidentsWhoOrderIsAShare() {
		assertThat(DemoSeeder.shopperShare(0.12)).isEqualTo(0.12);
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSeeder.shopperShare(0))
			.withMessageContaining("linli.demo.shopper-share");
		assertThatIllegalArgumentException().isThrownBy(() -> DemoSeeder.shopperShare(1.5))
			.withMessageContaining("linli.demo.shopper-share");
	}
}
