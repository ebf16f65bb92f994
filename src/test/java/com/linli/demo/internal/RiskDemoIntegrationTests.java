package com.linli.demo.internal;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's fraud ring, planted in a fresh region, opens risk cases with evidence that the console shows. */
@IntegrationTest
class RiskDemoIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	RiskDemo demo;

	@Test
	void theDemoRingOpensCasesWithEvidence() {
		var world = new OrderingFixtures(context, port);
		var operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		operator.post("/api/admin/marketing/coupon-templates", Map.of("name", "满39减5", "kind", "FIXED", "amountFen", 500,
				"scope", "ALL", "regionIds", java.util.List.of(world.region.id().value()), "validDays", 7,
				"perResidentLimit", 1, "totalQuantity", 100, "claimable", true));
		String prefix = "134" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		int flags = demo.plant(world.region.id(), world.pickupPoint.id(), prefix,
				"132" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), "demo-" + prefix);
		assertThat(flags).isEqualTo(3); // phone prefix, shared device, coupon and referral abuse
		JsonNode cases = operator.get("/api/risk/cases?regionId=" + world.region.id().value()).json().get("cases");
		assertThat(cases).hasSize(2); // the phone prefix and the device
		var funds = operator.get("/api/risk/funds?regionId=" + world.region.id().value());
		assertThat(funds.status()).as(funds.toString()).isEqualTo(200);
		assertThat(funds.json().get("referralRewardsPending").asLong()).isEqualTo(8); // the ring's bindings wait
		assertThat(funds.json().get("reserveFen").asLong()).isZero(); // nothing was paid in this region
		var overview = com.linli.ordering.WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD)
			.get("/console/risk?regionId=" + world.region.id().value());
		assertThat(overview.status()).isEqualTo(200);
		var page = com.linli.ordering.WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		var html = page.get("/console/risk/cases/" + cases.get(0).get("id").asLong());
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.body()).contains(prefix.substring(0, 9));
	}
}
