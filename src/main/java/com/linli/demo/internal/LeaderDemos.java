package com.linli.demo.internal;

import com.linli.demo.DemoSettings;
import com.linli.demo.LoadedCity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The demo city's leader operations, after the history and after-sales are seeded: applications waiting in the
 * recruitment queue, competitor signals that put a leader on the churn-risk list, withdrawals of commission in
 * every state, leaders of different levels with a warning and a suspension whose residents were moved, referrals
 * and contests, training with the gate on in the first region, helpers (核销员) and a pickup-only point. A part
 * that fails is logged and the city starts without it.
 */
@Component
class LeaderDemos {

	private static final Logger log = LoggerFactory.getLogger(LeaderDemos.class);

	private final RecruitmentDemo recruitment;

	private final PerformanceDemo performance;

	private final PayoutsDemo payouts;

	private final LevelsDemo levels;

	private final IncentivesDemo incentives;

	private final SharingDemo sharing;

	private final HelpersDemo helpers;

	LeaderDemos(RecruitmentDemo recruitment, PerformanceDemo performance, PayoutsDemo payouts, LevelsDemo levels,
			IncentivesDemo incentives, SharingDemo sharing, HelpersDemo helpers) {
		this.recruitment = recruitment;
		this.performance = performance;
		this.payouts = payouts;
		this.levels = levels;
		this.incentives = incentives;
		this.sharing = sharing;
		this.helpers = helpers;
	}

	void seed(LoadedCity city, DemoSettings settings) {
		run("recruitment", () -> recruitment.seed(city.regions()));
		run("performance", () -> performance.seed(city));
		run("payouts", () -> payouts.seed(city));
		run("levels", () -> levels.seed(city));
		run("incentives", () -> incentives.seed(city));
		run("sharing", () -> sharing.seed(city));
		run("helpers", () -> helpers.seed(city, settings));
	}

	private static void run(String part, Runnable seed) {
		try {
			seed.run();
		}
		catch (RuntimeException e) {
			log.error("Demo city: leader {} could not be seeded; the city starts without it", part, e);
		}
	}
}
