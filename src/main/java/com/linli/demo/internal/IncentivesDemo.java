package com.linli.demo.internal;

import java.time.LocalTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;

import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.leader.Contest;
import com.linli.leader.IdNumbers;
import com.linli.leader.Leader;
import com.linli.leader.LeaderContestManagement;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LeaderPerformanceManagement;
import com.linli.leader.LeaderReferralManagement;
import com.linli.leader.NewLeaderApplication;
import com.linli.leader.PerformanceFigure;
import com.linli.leader.PerformancePeriod;
import com.linli.leader.PickupPointKind;
import com.linli.leader.RecruitmentManagement;
import com.linli.leader.ReviewCheck;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Brings incentives to the demo city through the leader module's public API, in the first region. Referral: the demo
 * leader (of the first pickup point) referred the region's best-selling other leader (attributed from that leader's
 * first day; their first month's sales of the history reach the threshold, so the reward is paid) and a new leader
 * approved from an application carrying the demo leader's code (no sales yet: below the threshold). Contests: last
 * month's sales contest closed, its winners paid; this month's sales contest and satisfaction contest running.
 * Call it after the history and payouts: {@code run("incentives", () -> incentives.seed(city))} in
 * {@code LeaderDemos.seed}.
 */
@Component
class IncentivesDemo {

	private static final Logger log = LoggerFactory.getLogger(IncentivesDemo.class);

	private static final Actor DEMO = Actor.system("demo");

	private final LeaderReferralManagement referrals;

	private final LeaderContestManagement contests;

	private final LeaderManagement leaders;

	private final LeaderPerformanceManagement performance;

	private final RecruitmentManagement recruitment;

	IncentivesDemo(LeaderReferralManagement referrals, LeaderContestManagement contests, LeaderManagement leaders,
			LeaderPerformanceManagement performance, RecruitmentManagement recruitment) {
		this.referrals = referrals;
		this.contests = contests;
		this.leaders = leaders;
		this.performance = performance;
		this.recruitment = recruitment;
	}

	/** Seeds the first region; answers how many referrals and contests it made. */
	int seed(LoadedCity city) {
		if (city.regions().isEmpty()) {
			return 0;
		}
		RegionId region = city.regions().get(0);
		int made = 0;
		var demoLeader = leaders.leaderOf(city.firstPickupPoint()).orElse(null);
		if (demoLeader != null) {
			made += referrals(region, demoLeader);
		}
		made += contests(region);
		log.info("Demo incentives: {} referrals and contests", made);
		return made;
	}

	private int referrals(RegionId region, Leader referrer) {
		int made = 0;
		String code = referrals.code(referrer.id());
		// the region's best-selling other leader: referred from their first day, reward paid when the history allows
		var best = performance.region(DEMO, region, PerformancePeriod.MONTH, performance.today(region).minusMonths(1),
				PerformanceFigure.SALES)
			.leaders().stream().filter(p -> !p.leaderId().equals(referrer.id()) && p.salesFen() > 0).findFirst();
		if (best.isPresent()) {
			try {
				var referred = referrals.attribute(DEMO, referrer.id(), best.get().leaderId());
				boolean paid = referrals.payRewardIfDue(referred.referralId());
				log.info("Demo incentives: {} referred {} (reward {})", referrer.name(), referred.name(),
						paid ? "paid" : "not due");
				made++;
			}
			catch (BusinessRuleException e) {
				log.info("Demo incentives: no referral of {}: {}", best.get().leaderName(), e.getMessage());
			}
		}
		// a new leader from an application with the demo leader's code, below the threshold
		var communities = recruitment.communities(region);
		if (!communities.isEmpty()) {
			var c = communities.get(communities.size() - 1);
			String first17 = "33010619880808231";
			try {
				var application = recruitment.record(DEMO, new NewLeaderApplication("邵一鸣", "13911770042",
						first17 + IdNumbers.checkCharacter(first17), c.id(), PickupPointKind.SHOP, "一鸣生鲜便利店",
						c.address(), c.latitude() + 0.0011, c.longitude() - 0.0013, LocalTime.of(8, 0),
						LocalTime.of(21, 30), 160, 700, 10, code), List.of());
				recruitment.approve(DEMO, application.id(), EnumSet.allOf(ReviewCheck.class));
				made++;
			}
			catch (BusinessRuleException e) {
				log.info("Demo incentives: the referred application was not approved: {}", e.getMessage());
			}
		}
		return made;
	}

	private int contests(RegionId region) {
		int made = 0;
		YearMonth now = YearMonth.from(performance.today(region));
		YearMonth last = now.minusMonths(1);
		try {
			var closed = contests.create(DEMO, new LeaderContestManagement.NewContest(region.value(), last, "SALES",
					last.getMonthValue() + "月销售冠军", 3, 0, List.of(new Contest.Prize(1, Money.ofFen(20000), "荣誉团长锦旗"),
							new Contest.Prize(2, Money.ofFen(10000), null),
							new Contest.Prize(3, Money.ofFen(5000), "20 元水果券 5 张"))));
			contests.close(DEMO, closed.id());
			made++;
			contests.create(DEMO, new LeaderContestManagement.NewContest(region.value(), now, "SALES",
					now.getMonthValue() + "月销售冠军", 3, 0, List.of(new Contest.Prize(1, Money.ofFen(20000), null),
							new Contest.Prize(2, Money.ofFen(10000), null), new Contest.Prize(3, Money.ofFen(5000), null))));
			made++;
			contests.create(DEMO, new LeaderContestManagement.NewContest(region.value(), now, "SATISFACTION",
					now.getMonthValue() + "月服务之星", 1, 20, List.of(new Contest.Prize(1, Money.ZERO, "服务之星奖杯"))));
			made++;
		}
		catch (BusinessRuleException e) {
			log.info("Demo incentives: contests not all seeded: {}", e.getMessage());
		}
		return made;
	}

}
