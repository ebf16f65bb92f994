package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.leader.CommissionBand;
import com.linli.leader.Leader;
import com.linli.leader.LeaderLevel;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LeaderSearch;
import com.linli.leader.LeaderStatus;
import com.linli.leader.LevelManagement;
import com.linli.leader.PenaltyKind;
import com.linli.leader.PenaltyManagement;
import com.linli.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Brings levels and penalties to the demo city through the leader module's public API, in the first region: each
 * level above trainee gets its own commission bands; the levels of this month are computed (a city with two days of
 * history has no sales in the months before: all trainees), then an operator sets the demo leader SILVER (with a
 * warning about late receipts, which they see on /leader/level), another leader GOLD and one BRONZE; and one more
 * leader is suspended for complaints, so their residents (and open orders) were moved to the nearest active point
 * and told: the console's /console/leaders/penalties shows the penalties and the moves.
 */
@Component
class LevelsDemo {

	private static final Logger log = LoggerFactory.getLogger(LevelsDemo.class);

	private static final Actor DEMO = Actor.system("demo");

	private final LevelManagement levels;

	private final PenaltyManagement penalties;

	private final LeaderManagement leaders;

	LevelsDemo(LevelManagement levels, PenaltyManagement penalties, LeaderManagement leaders) {
		this.levels = levels;
		this.penalties = penalties;
		this.leaders = leaders;
	}

	/** Seeds the first region; answers how many leaders it gave a level above trainee or a penalty. */
	int seed(LoadedCity city) {
		try {
			var region = city.regions().get(0);
			levels.saveBands(DEMO, region, LeaderLevel.BRONZE, bands(900, 1100));
			levels.saveBands(DEMO, region, LeaderLevel.SILVER, bands(1000, 1200));
			levels.saveBands(DEMO, region, LeaderLevel.GOLD, bands(1100, 1300));
			levels.recompute(DEMO, region, null);
			List<Leader> chosen = new ArrayList<>();
			leaders.leaderOf(city.firstPickupPoint()).ifPresent(chosen::add);
			leaders.search(new LeaderSearch(Set.of(region), LeaderStatus.ACTIVE, null, 0, 50)).items().stream()
				.filter(l -> !chosen.contains(l)).limit(3).forEach(chosen::add);
			int done = 0;
			if (chosen.size() > 0) {
				levels.assign(DEMO, chosen.get(0).id(), LeaderLevel.SILVER, "老团长迁入，社群稳定");
				penalties.impose(DEMO, chosen.get(0).id(), PenaltyKind.WARNING, "最近 30 天收货确认迟到 4 次（上限 3 次）");
				done++;
			}
			if (chosen.size() > 1) {
				levels.assign(DEMO, chosen.get(1).id(), LeaderLevel.GOLD, "区域销售冠军");
				done++;
			}
			if (chosen.size() > 2) {
				levels.assign(DEMO, chosen.get(2).id(), LeaderLevel.BRONZE, "稳定经营三个月");
				done++;
			}
			if (chosen.size() > 3) {
				penalties.impose(DEMO, chosen.get(3).id(), PenaltyKind.SUSPENSION, "30 天内投诉率超过 10%，整改未完成");
				done++;
			}
			log.info("Demo levels: {} leaders with a level or a penalty", done);
			return done;
		}
		catch (RuntimeException e) {
			log.error("Demo levels could not be seeded", e);
			return 0;
		}
	}

	private static List<CommissionBand> bands(int rate, int upperRate) {
		return List.of(new CommissionBand(Money.ZERO, rate), new CommissionBand(Money.ofFen(500_000), upperRate));
	}
}
