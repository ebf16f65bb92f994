package com.linli.demo.internal;

import java.util.Comparator;
import java.util.List;

import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.leader.LeaderChurnRisk;
import com.linli.leader.LeaderChurnRisk.Risk;
import com.linli.network.RegionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Leaders' performance and churn risk in the demo city, through the leader module's API. The figures and ranking
 * come from the city's orders as they are; this puts one leader of the first region on the operator's list of
 * leaders to call: the riskiest by the score (falling sales or customers of the history), given two competitor
 * signals an operator heard of. Idempotent: a leader who has signals already gets none more.
 */
@Component
public class PerformanceDemo {

	private static final Logger log = LoggerFactory.getLogger(PerformanceDemo.class);

	private static final Actor DEMO = Actor.system("demo-performance");

	static final List<String> SIGNALS = List.of("竞品平台「优选快团」在其小区群招募团长，许诺佣金 12%",
			"团长在社群转发了竞品平台的团购链接");

	private final LeaderChurnRisk churn;

	PerformanceDemo(LeaderChurnRisk churn) {
		this.churn = churn;
	}

	/** Records the signals; answers how many were recorded (0 when seeded before or there is no leader). */
	public int seed(LoadedCity city) {
		if (city.regions().isEmpty()) {
			return 0;
		}
		RegionId region = city.regions().get(0);
		var risks = churn.risks(DEMO, region, null);
		if (risks.isEmpty() || risks.stream().anyMatch(r -> r.signals() > 0)) {
			return 0;
		}
		Risk riskiest = risks.stream().max(Comparator.comparingInt(Risk::score)).orElseThrow();
		if (!churn.signals(DEMO, riskiest.leaderId()).isEmpty()) {
			return 0;
		}
		SIGNALS.forEach(note -> churn.recordSignal(DEMO, riskiest.leaderId(), note));
		log.info("Demo: competitor signals about leader {} ({}), churn-risk score before them {}",
				riskiest.leaderName(), riskiest.leaderId(), riskiest.score());
		return SIGNALS.size();
	}
}
