package com.linli.marketing.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.marketing.MarketingFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The campaign clock starts a scheduled campaign on its first day, once, and leaves drafts and future ones alone. */
@IntegrationTest
class CampaignClockIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CampaignClock clock;

	@Test
	void aScheduledCampaignRunsFromItsFirstDay() {
		var region = new MarketingFixtures(context).region();
		Api operator = MarketingFixtures.operatorOf(Api.at(port), region);
		long today = create(operator, region.id().value(), TestClock.today().toString());
		long later = create(operator, region.id().value(), TestClock.today().plusDays(3).toString());
		long draft = create(operator, region.id().value(), TestClock.today().toString());
		operator.post("/api/admin/marketing/campaigns/" + today + "/schedule", Map.of());
		operator.post("/api/admin/marketing/campaigns/" + later + "/schedule", Map.of());

		clock.tick();
		clock.tick(); // a rerun changes nothing

		assertThat(status(operator, today)).isEqualTo("RUNNING");
		assertThat(status(operator, later)).isEqualTo("SCHEDULED");
		assertThat(status(operator, draft)).isEqualTo("DRAFT");
		var early = operator.post("/api/admin/marketing/campaigns/" + later + "/start", Map.of());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("code").asText()).isEqualTo("campaign-not-started");
	}

	static long create(Api operator, long region, String startsOn) {
		var r = operator.post("/api/admin/marketing/campaigns", Map.of("regionId", region, "name", "时钟" + MarketingFixtures.next(),
				"festival", "OTHER", "startsOn", startsOn, "budgetFen", 10_000));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.id();
	}

	static String status(Api operator, long id) {
		return operator.get("/api/admin/marketing/campaigns/" + id).json().get("status").asText();
	}
}
