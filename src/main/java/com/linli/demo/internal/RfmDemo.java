package com.linli.demo.internal;

import java.time.Clock;
import java.time.LocalDate;

import com.linli.analytics.NightlyAnalytics;
import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The demo city's analytics (issue 16 rfm): the nightly RFM run over the history just simulated, as of yesterday,
 * and two alert rules per region (the region's orders falling 30% day on day; the first pickup point's orders below
 * five a day), evaluated once. A failure is logged; the city works without them.
 */
@Component
class RfmDemo {

	private static final Logger log = LoggerFactory.getLogger(RfmDemo.class);

	private static final Actor DEMO = Actor.system("demo-analytics");

	private final NightlyAnalytics analytics;

	private final Clock clock;

	RfmDemo(NightlyAnalytics analytics, Clock clock) {
		this.analytics = analytics;
		this.clock = clock;
	}

	void seed(LoadedCity city) {
		try {
			LocalDate today = LocalDate.now(clock);
			for (RegionId region : city.regions()) {
				int scored = analytics.scoreResidents(region, today.minusDays(1));
				analytics.addAlertRule(DEMO, region, "sales.orders", null, "DAY", "FALLS_BY",
						30, "订单日环比下降 30%");
				if (city.firstPickupPoint() != null && region.equals(city.regions().get(0))) {
					analytics.addAlertRule(DEMO, region, NightlyAnalytics.pickupPointOrdersMetric(),
							city.firstPickupPoint(), "DAY", "BELOW", 5, "首个自提点日订单少于 5 单");
				}
				log.info("Demo city: RFM scored {} residents of region {}; alert rules added", scored, region.value());
			}
			int raised = analytics.evaluateAlerts(today);
			log.info("Demo city: {} alert(s) raised", raised);
		}
		catch (RuntimeException e) {
			log.error("Demo city: RFM and alert rules could not be seeded", e);
		}
	}
}
