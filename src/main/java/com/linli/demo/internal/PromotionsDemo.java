package com.linli.demo.internal;

import com.linli.demo.LoadedCity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The marketing tools in the demo city, once tomorrow's listings are on sale: residents with points, streaks
 * and levels, a running campaign with its reductions and offers, a flash sale later today and open group-buy
 * teams, coupons claimed and in the coupon centre. Each tool seeds through marketing's public API; one that
 * fails is logged and the others still run (the city itself is loaded already).
 */
@Component
class PromotionsDemo {

	private static final Logger log = LoggerFactory.getLogger(PromotionsDemo.class);

	private final PointsDemo points;

	private final CampaignDemo campaigns;

	private final TeamsDemo teams;

	private final CouponDemo coupons;

	PromotionsDemo(PointsDemo points, CampaignDemo campaigns, TeamsDemo teams, CouponDemo coupons) {
		this.coupons = coupons;
		this.points = points;
		this.campaigns = campaigns;
		this.teams = teams;
	}

	void seed(LoadedCity tomorrow) {
		run("points and levels", () -> points.seed(tomorrow));
		run("campaign and offers", () -> campaigns.open(tomorrow));
		run("flash sale and teams", () -> teams.seed(tomorrow));
		run("coupons", () -> coupons.seed(tomorrow));
	}

	private static void run(String what, Runnable step) {
		try {
			step.run();
			log.info("Demo city: {} seeded", what);
		}
		catch (RuntimeException e) {
			log.warn("Demo city: {} could not be seeded", what, e);
		}
	}
}
